package dev.tokenkit.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.tokenkit.boot.TokenKitProperties;
import dev.tokenkit.core.jdbc.JdbcAccountRepository;
import dev.tokenkit.core.opaque.OpaqueTokenCodec;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.testing.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalog section 12 (brute force) against the sample with its default login throttle (10 failures per login, 40 per
 * client address, in 15 minutes): each scenario runs on a fresh sample, so that counts do not carry over. The figures
 * go to the {@link SecurityReport}.
 */
class BruteForceTests {

	private static final int MAX_FAILURES = 10;

	/** Requests sent by the current test, for the report. */
	private final AtomicInteger requests = new AtomicInteger();

	private static SampleApp sample() {
		return sample(Map.of());
	}

	private static SampleApp sample(Map<String, Object> settings) {
		Map<String, Object> all = new HashMap<>(settings);
		all.put("spring.datasource.url", "jdbc:h2:mem:brute-force;DB_CLOSE_DELAY=-1");
		SampleApp app = new SampleApp(all, MutableClock.start());
		CatalogAccounts.addTo(app.bean(JdbcAccountRepository.class));
		return app;
	}

	private RawHttp.Response dsi(RawHttp http, String user, String password, String... headers) {
		List<String> all = new ArrayList<>(List.of(headers));
		all.add("Authorization: user " + user + ":" + password);
		return counted(http.get("/authentication_token", all.toArray(String[]::new)));
	}

	private RawHttp.Response counted(RawHttp.Response response) {
		this.requests.incrementAndGet();
		return response;
	}

	/** How many attempts were evaluated (answered 401) before the first 429, of the given attempts. */
	private int evaluatedBeforeThrottling(List<Supplier<RawHttp.Response>> attempts) {
		int evaluated = 0;
		for (Supplier<RawHttp.Response> attempt : attempts) {
			RawHttp.Response response = attempt.get();
			if (response.status() == 429) {
				assertThat(response.header("Retry-After")).isNotNull();
				return evaluated;
			}
			assertThat(response.status()).isEqualTo(401);
			evaluated++;
		}
		return evaluated;
	}

	private static List<Supplier<RawHttp.Response>> repeat(int times, Supplier<RawHttp.Response> attempt) {
		List<Supplier<RawHttp.Response>> attempts = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			attempts.add(attempt);
		}
		return attempts;
	}

	@Test
	void throttleWhenOneAccountIsAttackedThenRefusedAfterTheThresholdAlikeForRightAndWrongPasswordsUntilTheWindowEnds() {
		try (SampleApp app = sample()) {
			RawHttp http = app.http();
			int evaluated = evaluatedBeforeThrottling(repeat(20, () -> dsi(http, "alice", "wrong-1")));
			RawHttp.Response wrong = dsi(http, "alice", "wrong-2");
			RawHttp.Response right = dsi(http, "alice", CatalogAccounts.ALICE_PASSWORD);
			int unknownEvaluated = evaluatedBeforeThrottling(repeat(20, () -> dsi(http, "nobody-here", "wrong-1")));
			app.clock.advance(app.bean(TokenKitProperties.class).loginThrottle().window().plusSeconds(1));
			RawHttp.Response afterTheWindow = dsi(http, "alice", CatalogAccounts.ALICE_PASSWORD);

			SecurityReport.area("B").ran(4, this.requests.get())
				.figure("B-01 wrong attempts evaluated before throttling, per account", evaluated)
				.mustBeZero("B-06 differences between the throttled answers to a right and a wrong password",
						differences(right, wrong))
				.figure("E-09 wrong attempts evaluated before throttling an unknown login", unknownEvaluated)
				.figure("B-05 the right password after the window", afterTheWindow.status());
			assertThat(evaluated).isEqualTo(MAX_FAILURES);
			assertThat(right.status()).isEqualTo(429);
			assertThat(differences(right, wrong)).isZero();
			assertThat(unknownEvaluated).isEqualTo(MAX_FAILURES);
			assertThat(afterTheWindow.status()).isEqualTo(200);
		}
	}

	/** Headers and body that differ between two answers, {@code Date} aside. */
	private static int differences(RawHttp.Response a, RawHttp.Response b) {
		List<String> headersA = a.headers().stream().filter((h) -> !h[0].equalsIgnoreCase("Date"))
			.map((h) -> h[0] + ": " + h[1]).sorted().toList();
		List<String> headersB = b.headers().stream().filter((h) -> !h[0].equalsIgnoreCase("Date"))
			.map((h) -> h[0] + ": " + h[1]).sorted().toList();
		return ((a.status() != b.status()) ? 1 : 0) + (headersA.equals(headersB) ? 0 : 1)
				+ (a.body().equals(b.body()) ? 0 : 1);
	}

	@Test
	void throttleWhenFailuresAreSpreadOverPathwaysThenTheyAddUp() {
		try (SampleApp app = sample()) {
			RawHttp http = app.http();
			List<Supplier<RawHttp.Response>> pathways = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				pathways.add(() -> dsi(http, "alice", "wrong-1"));
				pathways.add(() -> counted(http.get("/authentication_token?username=alice&password=wrong-1")));
				pathways.add(() -> counted(http.post("/authentication_credentials",
						"{\"Username\":\"alice\",\"Password\":\"wrong-1\"}", "Content-Type: application/json")));
				pathways.add(() -> counted(http.post("/authentication_credentials",
						"<Credentials><Username>alice</Username><Password>wrong-1</Password></Credentials>",
						"Content-Type: application/xml")));
			}
			int dsiPathways = evaluatedBeforeThrottling(pathways);
			RawHttp.Response globalGiving = counted(http.post("/api/userservice/tokens", "{\"auth_request\":{\"user\":"
					+ "{\"email\":\"alice@example.test\",\"password\":\"wrong-1\"},\"api_key\":\"" + CatalogAccounts.K1
					+ "\"}}", "Content-Type: application/json"));

			SecurityReport.area("B").ran(1, this.requests.get())
				.figure("B-04 failures over the DSI header, query, JSON and XML pathways before throttling", dsiPathways)
				.figure("B-04 GlobalGiving by e-mail after the DSI pathways throttled the username",
						globalGiving.status() + " (counted per login as sent: the username and the e-mail address are "
								+ "two counters)");
			assertThat(dsiPathways).isEqualTo(MAX_FAILURES);
		}
	}

	@Test
	void throttleWhenEveryAttemptForgesItsAddressThenTheRealAddressIsThrottled() {
		try (SampleApp app = sample()) {
			RawHttp http = app.http();
			// a new login and a new forged address each time: only the real address can throttle them
			List<Supplier<RawHttp.Response>> forged = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				String address = "203.0.113." + i;
				String login = "forger-" + i;
				forged.add(() -> dsi(http, login, "wrong-1", "X-Forwarded-For: " + address, "X-Real-IP: " + address));
			}
			int forgedAddresses = evaluatedBeforeThrottling(forged);

			SecurityReport.area("B").ran(1, this.requests.get())
				.figure("B-03 failures before throttling, each with a new login and a new X-Forwarded-For",
						forgedAddresses);
			assertThat(forgedAddresses).isEqualTo(4 * MAX_FAILURES);
		}
	}

	/**
	 * Behind a trusted proxy ({@code tokenkit.jetty.trusted-proxies}) the client address is the forwarded one: clients
	 * forwarded from many addresses are counted apart, one forwarded client is throttled at its address's limit, and
	 * the proxy's own address is never locked.
	 */
	@Test
	void throttleWhenTheProxyIsTrustedThenTheForwardedAddressIsTheClients() {
		try (SampleApp app = sample(Map.of("tokenkit.jetty.trusted-proxies", "127.0.0.1/32"))) {
			RawHttp http = app.http();
			List<Supplier<RawHttp.Response>> spread = new ArrayList<>();
			List<Supplier<RawHttp.Response>> oneClient = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				String login = "spread-" + i;
				String address = "198.51.100." + i;
				spread.add(() -> dsi(http, login, "wrong-1", "X-Forwarded-For: " + address));
				String other = "one-client-" + i;
				oneClient.add(() -> dsi(http, other, "wrong-1", "X-Forwarded-For: 198.51.100.200"));
			}
			int spreadEvaluated = evaluatedBeforeThrottling(spread);
			int oneClientEvaluated = evaluatedBeforeThrottling(oneClient);
			RawHttp.Response right = dsi(http, "alice", CatalogAccounts.ALICE_PASSWORD,
					"X-Forwarded-For: 198.51.100.201");

			SecurityReport.area("B").ran(1, this.requests.get())
				.figure("B-07 behind a trusted proxy: failures evaluated, each from its own forwarded address",
						spreadEvaluated)
				.figure("B-07 behind a trusted proxy: failures evaluated from one forwarded address", oneClientEvaluated);
			assertThat(spreadEvaluated).isEqualTo(60);
			assertThat(oneClientEvaluated).isEqualTo(4 * MAX_FAILURES);
			assertThat(right.status()).isEqualTo(200);
		}
	}

	@Test
	void throttleWhenOnePasswordIsSprayedOverManyLoginsThenTheAddressIsThrottled() {
		try (SampleApp app = sample()) {
			RawHttp http = app.http();
			List<Supplier<RawHttp.Response>> spray = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				String login = "user-" + i;
				spray.add(() -> dsi(http, login, "Summer2026!"));
			}
			int evaluated = evaluatedBeforeThrottling(spray);

			SecurityReport.area("B").ran(1, this.requests.get())
				.figure("B-02 logins tried with one password from one address before throttling", evaluated);
			assertThat(evaluated).isEqualTo(4 * MAX_FAILURES);
		}
	}

	@Test
	void throttleWhenAHundredWrongPasswordsArriveAtOnceThenFewAreEvaluatedAndTheRightOneAfterIsRefused()
			throws Exception {
		try (SampleApp app = sample()) {
			RawHttp http = app.http();
			List<Integer> burst = Concurrently.run(100, () -> dsi(http, "colon", "wrong-1").status());
			RawHttp.Response right = dsi(http, "colon", CatalogAccounts.COLON_PASSWORD);
			long evaluated = burst.stream().filter((status) -> status == 401).count();

			SecurityReport.area("B").ran(1, this.requests.get())
				.figure("B-07 of 100 parallel wrong passwords, evaluated (the rest 429)", evaluated
						+ "; the right password after the burst: " + right.status());
			assertThat(burst).containsOnly(401, 429);
			assertThat(evaluated).isLessThanOrEqualTo(MAX_FAILURES);
			assertThat(right.status()).isEqualTo(429);
		}
	}

	@Test
	void throttleWhenTwiceTheLimitOfRightPasswordsArriveAtOnceThenAllAreServed() throws Exception {
		try (SampleApp app = sample()) {
			RawHttp http = app.http();
			List<Integer> burst = Concurrently.run(2 * MAX_FAILURES,
					() -> dsi(http, "alice", CatalogAccounts.ALICE_PASSWORD).status());

			SecurityReport.area("B").ran(1, this.requests.get())
				.mustBeZero("parallel logins with the right password refused by the throttle (of "
						+ burst.size() + ")", burst.stream().filter((status) -> status != 200).count());
			assertThat(burst).containsOnly(200);
		}
	}

	@Test
	void tokensWhenGuessedThenNoneIsAccepted() {
		try (SampleApp app = sample()) {
			RawHttp http = app.http();
			OpaqueTokenCodec codec = new OpaqueTokenCodec(new java.security.SecureRandom());
			int accepted = 0;
			for (int i = 0; i < 2000; i++) {
				accepted += (counted(http.get("/secure/whoami", "Authorization: Bearer " + codec.generate()))
					.status() == 200) ? 1 : 0;
			}
			SecurityReport.area("B").ran(1, this.requests.get())
				.mustBeZero("B-08 of 2,000 guessed well-formed tokens, accepted (guesses are not throttled)", accepted);
			assertThat(accepted).isZero();
		}
	}

}
