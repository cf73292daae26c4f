package dev.tokenkit.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;

import com.sun.management.OperatingSystemMXBean;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.jwt.JwtKey;
import dev.tokenkit.jwt.JwtTokenService;
import dev.tokenkit.redis.RedisTokenStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.JwtDecoder;

import dev.tokenkit.benchmarks.LoadServers.Started;

/**
 * The HTTP load harness: embedded Jetty 12 on 127.0.0.1 serving one tiny servlet, in front of which sit nothing,
 * tokenkit's servlet filter, or a Spring Security chain (a public route, tokenkit, or
 * {@code oauth2ResourceServer().jwt()} with HS256); {@code wrk} drives each for a while and the harness reports
 * requests per second and the server's CPU time per request (this JVM's CPU time over the requests its servlet
 * answered), each beside the baseline of its row measured in the same run, and for the Redis store the Redis commands
 * per request. Every scenario is warmed up, then measured in three interleaved rounds; the figures are the medians. Needs {@code wrk} ({@code apt-get install wrk}) and, for the Redis row, Redis at
 * {@code -Dtokenkit.bench.redis} (default {@code redis://127.0.0.1:6379}).
 *
 * <p>Run: {@code java -cp token-benchmarks/target/benchmarks.jar dev.tokenkit.benchmarks.HttpLoad [seconds]}.
 */
public final class HttpLoad {

	private static final String SECRET_PATH = "/secure/hello";

	private static final String PUBLIC_PATH = "/public/hello";

	/** Measured runs per scenario, interleaved so that warm-up and drift fall on every scenario alike. */
	private static final int ROUNDS = 3;

	private final int seconds;

	private final List<Figure> figures = new ArrayList<>();

	private HttpLoad(int seconds) {
		this.seconds = seconds;
	}

	/**
	 * Runs every scenario and prints the table.
	 *
	 * @param args optionally the seconds per measured run (default 10)
	 * @throws Exception if a server or wrk fails
	 */
	public static void main(String[] args) throws Exception {
		HttpLoad load = new HttpLoad((args.length > 0) ? Integer.parseInt(args[0]) : 10);
		load.runAll();
	}

	private void runAll() throws Exception {
		OpaqueTokenService opaque = OpaqueTokenService.builder(new InMemoryTokenStore()).build();
		String opaqueToken = opaque.issue(Fixtures.account(), TokenPolicy.ofIdle(Duration.ofHours(1))).value();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		JwtTokenService jwts = JwtTokenService.builder(new InMemoryTokenStore()).key(JwtKey.hs256("bench", secret))
			.build();
		String jwt = jwts.issue(Fixtures.account(), TokenPolicy.ofIdle(Duration.ofHours(1))).value();
		List<Scenario> scenarios = List.of(
				new Scenario("plain servlet, no filter", LoadServers.plain(null), SECRET_PATH, null),
				new Scenario("plain servlet, tokenkit filter (opaque, in memory)", LoadServers.plain(opaque),
						SECRET_PATH, opaqueToken),
				new Scenario("Spring chain, public route, no authentication", LoadServers
					.spring(SpringChains.TokenKitChain.class, TokenService.class, opaque), PUBLIC_PATH, null),
				new Scenario("Spring chain, tokenkit (opaque, in memory)", LoadServers
					.spring(SpringChains.TokenKitChain.class, TokenService.class, opaque), SECRET_PATH, opaqueToken),
				new Scenario("Spring chain, tokenkit (JWT HS256, revocations in memory)", LoadServers
					.spring(SpringChains.TokenKitChain.class, TokenService.class, jwts), SECRET_PATH, jwt),
				new Scenario("Spring chain, oauth2ResourceServer().jwt() (HS256)", LoadServers.spring(
						SpringChains.ResourceServerChain.class, JwtDecoder.class, Fixtures.springDecoder(secret)),
						SECRET_PATH, jwt));
		try {
			for (Scenario scenario : scenarios) {
				wrk(scenario.server().port(), scenario.path(), scenario.token(), 5);
			}
			List<List<Figure>> rounds = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				List<Figure> figures = new ArrayList<>();
				for (Scenario scenario : scenarios) {
					figures.add(measure(scenario));
				}
				rounds.add(figures);
			}
			for (int i = 0; i < scenarios.size(); i++) {
				int index = i;
				this.figures.add(Figure.median(rounds.stream().map((figures) -> figures.get(index)).toList()));
			}
		}
		finally {
			for (Scenario scenario : scenarios) {
				scenario.server().stop();
			}
		}
		Figure bare = this.figures.get(0);
		Figure filter = this.figures.get(1);
		Figure springPublic = this.figures.get(2);
		Figure springTokenKit = this.figures.get(3);
		Figure springTokenKitJwt = this.figures.get(4);
		Figure springJwt = this.figures.get(5);

		System.out.println();
		System.out.println("| run | requests/s | server CPU per request |");
		System.out.println("|---|---|---|");
		this.figures.forEach((figure) -> System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f µs |%n", figure.name(),
				figure.requestsPerSecond(), figure.cpuMicrosPerRequest()));
		System.out.println();
		System.out.println("| comparison | requests/s ratio | CPU per request, difference |");
		System.out.println("|---|---|---|");
		compare("tokenkit filter vs no filter", filter, bare);
		compare("Spring: tokenkit vs public route", springTokenKit, springPublic);
		compare("Spring: tokenkit opaque vs oauth2ResourceServer().jwt()", springTokenKit, springJwt);
		compare("Spring: tokenkit JWT vs oauth2ResourceServer().jwt(), the same token", springTokenKitJwt, springJwt);
		redisRoundTrips();
	}

	private void compare(String name, Figure figure, Figure baseline) {
		System.out.printf(Locale.ROOT, "| %s | %.2f× | %+.1f µs (%.2f×) |%n", name,
				figure.requestsPerSecond() / baseline.requestsPerSecond(),
				figure.cpuMicrosPerRequest() - baseline.cpuMicrosPerRequest(),
				figure.cpuMicrosPerRequest() / baseline.cpuMicrosPerRequest());
	}

	/**
	 * The Redis store under load, with a two-second touch interval so that touches happen: Redis round trips per
	 * request (each {@code HGETALL} and each script is one; the commands a script runs inside Redis are not round trips)
	 * and writes (the {@code HSET}s the touch script runs when it moves the last use), from Redis's own command
	 * counters.
	 */
	private void redisRoundTrips() throws Exception {
		String uri = System.getProperty("tokenkit.bench.redis", "redis://127.0.0.1:6379");
		Duration touchInterval = Duration.ofSeconds(2);
		try (RedisTokenStore store = RedisTokenStore.builder(uri).keyPrefix("tokenkit-bench:").build()) {
			OpaqueTokenService service = OpaqueTokenService.builder(store).touchInterval(touchInterval).build();
			String token = service.issue(Fixtures.account(), TokenPolicy.ofIdle(Duration.ofHours(1))).value();
			Started server = LoadServers.plain(service);
			try {
				wrk(server.port(), SECRET_PATH, token, 2);
				Map<String, Long> before = redisCalls(uri);
				long served = server.served().sum();
				long started = System.nanoTime();
				wrk(server.port(), SECRET_PATH, token, this.seconds);
				double elapsed = (System.nanoTime() - started) / 1e9;
				Map<String, Long> after = redisCalls(uri);
				long requests = server.served().sum() - served;
				long reads = delta(before, after, "hgetall");
				long scripts = delta(before, after, "eval") + delta(before, after, "evalsha");
				long writes = delta(before, after, "hset");
				System.out.println();
				System.out.printf(Locale.ROOT, "Redis store, one token in constant use, touch interval %d s: %,d "
						+ "requests in %.1f s, %,d HGETALL + %,d touch scripts = %.4f round trips per request; %,d "
						+ "writes (HSET inside the scripts; at most %d allowed)%n", touchInterval.toSeconds(), requests,
						elapsed, reads, scripts, (double) (reads + scripts) / requests, writes,
						(long) (elapsed / touchInterval.toSeconds()) + 1);
			}
			finally {
				server.stop();
			}
			service.revoke(token);
		}
	}

	private static long delta(Map<String, Long> before, Map<String, Long> after, String command) {
		return after.getOrDefault(command, 0L) - before.getOrDefault(command, 0L);
	}

	private static Map<String, Long> redisCalls(String uri) {
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			Map<String, Long> calls = new TreeMap<>();
			Matcher matcher = Pattern.compile("cmdstat_(\\w+):calls=(\\d+)").matcher(connection.sync().info("commandstats"));
			while (matcher.find()) {
				if (!matcher.group(1).equals("info")) {
					calls.put(matcher.group(1), Long.parseLong(matcher.group(2)));
				}
			}
			return calls;
		}
		finally {
			client.shutdown();
		}
	}

	private Figure measure(Scenario scenario) throws Exception {
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long cpuBefore = os.getProcessCpuTime();
		long servedBefore = scenario.server().served().sum();
		long started = System.nanoTime();
		wrk(scenario.server().port(), scenario.path(), scenario.token(), this.seconds);
		double elapsed = (System.nanoTime() - started) / 1e9;
		long requests = scenario.server().served().sum() - servedBefore;
		long cpu = os.getProcessCpuTime() - cpuBefore;
		Figure figure = new Figure(scenario.name(), requests / elapsed, cpu / 1e3 / requests);
		System.out.printf(Locale.ROOT, "%s: %,.0f requests/s, %.1f µs CPU per request%n", scenario.name(),
				figure.requestsPerSecond(), figure.cpuMicrosPerRequest());
		return figure;
	}

	/** Runs wrk (one thread, 16 connections); fails if any answer was not 2xx. */
	private static void wrk(int port, String path, @Nullable String token, int seconds)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c16", "-d" + seconds + "s", "--latency"));
		if (token != null) {
			command.addAll(List.of("-H", "Authorization: Bearer " + token));
		}
		command.add("http://127.0.0.1:" + port + path);
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
			throw new IllegalStateException("wrk failed: " + output);
		}
		if (output.contains("Non-2xx") || output.contains("Socket errors")) {
			throw new IllegalStateException("wrk saw errors: " + output);
		}
	}

	/** A measured run. */
	private record Figure(String name, double requestsPerSecond, double cpuMicrosPerRequest) {

		/** The median of each figure over rounds. */
		static Figure median(List<Figure> rounds) {
			return new Figure(rounds.get(0).name(), median(rounds.stream().mapToDouble(Figure::requestsPerSecond)),
					median(rounds.stream().mapToDouble(Figure::cpuMicrosPerRequest)));
		}

		private static double median(DoubleStream values) {
			double[] sorted = values.sorted().toArray();
			return (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
					: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
		}

	}

	/** What one run serves and requests. */
	private record Scenario(String name, Started server, String path, @Nullable String token) {
	}

}
