package dev.tokenkit.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.redis.testing.TestRedis;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalog section 15 under load: 32 client threads for 10 seconds against the sample (opaque tokens in memory, then in
 * Redis), mixing issues, secure calls, logouts, uses of revoked tokens and idle expiry (tokens of {@code shorty},
 * whose timeout is one minute, parked while the clients move the sample's clock on by 61 seconds every 1.5
 * seconds). Every answer is checked against what the client knows of its token: no 5xx, no revoked or expired token
 * accepted, no live token refused; at the end every issued token is accounted for, once over HTTP and once in the
 * store, whose live entries must be exactly the tokens the clients hold live. A parked token is issued, used and
 * noted at one reading of the clock (a clock step waits for those steps), so that the client knows its last use
 * exactly.
 */
@Isolated
@ParameterizedClass(name = "{0}")
@ValueSource(strings = { "opaque+memory", "opaque+redis" })
class MixedLoadTests {

	private static final int THREADS = 32;

	/**
	 * How long each configuration runs. The run looks for races between issue, use, logout and expiry, and one shows
	 * as a count above 0 however long the run: what matters is how often each of those meets the others. In 10 s
	 * there are 20,000 to 30,000 requests on two cores, over a hundred issued tokens, logouts, parked tokens and six
	 * clock steps that expire them, each among 32 threads' secure calls. A longer run repeats the same mix; the
	 * figures give the counts of each run.
	 */
	private static final Duration RUN = Duration.ofSeconds(10);

	/** How often each thread issues a token: bcrypt costs ~70 ms of CPU, and the machine has two cores. */
	private static final Duration ISSUE_EVERY = Duration.ofSeconds(3);

	/** How often the clients move the sample's clock on by 61 s, past {@code shorty}'s idle timeout. */
	private static final Duration CLOCK_STEP_EVERY = Duration.ofMillis(1500);

	private enum State {
		LIVE, REVOKED, PARKED, EXPIRED
	}

	private record Held(String token, String account, long parkedAtMillis) {
	}

	@Parameter
	String mode;

	private final Map<Held, State> tokens = new ConcurrentHashMap<>();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong serverErrors = new AtomicLong();

	private final AtomicLong revokedAccepted = new AtomicLong();

	private final AtomicLong expiredAccepted = new AtomicLong();

	private final AtomicLong liveRefused = new AtomicLong();

	/** Held shared while a parked token is issued, used and noted; held alone while the clock moves. */
	private final ReadWriteLock clockSteps = new ReentrantReadWriteLock();

	/** When the next clock step is due, in {@link System#nanoTime()}. */
	private final AtomicLong nextClockStep = new AtomicLong();

	@Test
	void loadWhenIssuingUsingRevokingAndExpiringAtOnceThenNoFiveHundredsNoRevokedAcceptedAndEveryTokenAccounted()
			throws Exception {
		Map<String, Object> settings = new HashMap<>();
		settings.put("spring.datasource.url", "jdbc:h2:mem:load-" + this.mode.replace('+', '-') + ";DB_CLOSE_DELAY=-1");
		settings.put("tokenkit.login-throttle.max-failures", 0);
		String prefix = null;
		if (this.mode.endsWith("redis")) {
			TestRedis.requireServer();
			prefix = TestRedis.prefix();
			settings.put("tokenkit.store.type", "redis");
			settings.put("spring.data.redis.url", TestRedis.URL);
			settings.put("tokenkit.store.redis.key-prefix", prefix);
		}
		MutableClock clock = MutableClock.start();
		try (SampleApp app = new SampleApp(settings, clock)) {
			long end = System.nanoTime() + RUN.toNanos();
			this.nextClockStep.set(System.nanoTime() + CLOCK_STEP_EVERY.toNanos());
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> clients = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				clients.add(pool.submit(() -> client(app, end)));
			}
			for (Future<?> client : clients) {
				client.get();
			}
			pool.shutdown();

			long unaccounted = accountForEveryToken(app);
			int liveInStore = liveInStore(app, clock);
			long live = this.tokens.values().stream().filter((state) -> state == State.LIVE).count();

			SecurityReport.area("R").ran(3, (int) this.requests.get())
				.figure("load [" + this.mode + "]", THREADS + " threads, " + RUN.toSeconds() + " s, "
						+ this.requests.get() + " requests, " + this.tokens.size() + " tokens issued")
				.mustBeZero("5xx answers under load [" + this.mode + "]", this.serverErrors.get())
				.mustBeZero("R-07 revoked tokens accepted under load [" + this.mode + "]", this.revokedAccepted.get())
				.mustBeZero("R-06 expired tokens accepted under load [" + this.mode + "]", this.expiredAccepted.get())
				.mustBeZero("live tokens refused under load [" + this.mode + "]", this.liveRefused.get())
				.mustBeZero("issued tokens not accounted for [" + this.mode + "]", unaccounted)
				.mustBeZero("live tokens in the store minus live tokens held [" + this.mode + "]", liveInStore - live);
			assertThat(this.serverErrors).hasValue(0);
			assertThat(this.revokedAccepted).hasValue(0);
			assertThat(this.expiredAccepted).hasValue(0);
			assertThat(this.liveRefused).hasValue(0);
			assertThat(unaccounted).isZero();
			assertThat(liveInStore).isEqualTo(live);
			assertThat(this.requests.get()).isGreaterThan(THREADS * 10L);
			assertThat(this.tokens.values()).contains(State.REVOKED, State.EXPIRED);
		}
		finally {
			if (prefix != null) {
				TestRedis.clean(prefix);
			}
		}
	}

	private void client(SampleApp app, long end) {
		RawHttp http = app.http();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		List<Held> mine = new ArrayList<>();
		long nextIssue = System.nanoTime() + random.nextLong(ISSUE_EVERY.toNanos());
		mine.add(issue(http, app, "me", "my_password"));
		while (System.nanoTime() < end) {
			stepClockWhenDue(app.clock);
			if (System.nanoTime() >= nextIssue) {
				nextIssue += ISSUE_EVERY.toNanos();
				mine.add(random.nextBoolean() ? issue(http, app, "me", "my_password")
						: issue(http, app, "shorty", "shorty_password"));
			}
			Held held = mine.get(random.nextInt(mine.size()));
			State state = this.tokens.get(held);
			if (state == State.PARKED && idleTimeoutPassed(app, held)) {
				expectRefused(http, held, this.expiredAccepted);
				this.tokens.put(held, State.EXPIRED);
			}
			else if (state == State.LIVE && random.nextInt(20) == 0 && countLive(mine) > 1) {
				int status = send(http.delete("/authentication_token", "Authorization: Bearer " + held.token()));
				if (status == 204) {
					this.tokens.put(held, State.REVOKED);
					expectRefused(http, held, this.revokedAccepted);
				}
			}
			else if (state == State.REVOKED || state == State.EXPIRED) {
				expectRefused(http, held, (state == State.REVOKED) ? this.revokedAccepted : this.expiredAccepted);
			}
			else if (state == State.LIVE) {
				int status = send(http.get("/secure/whoami", "Authorization: Bearer " + held.token()));
				if (status != 200) {
					this.liveRefused.incrementAndGet();
				}
			}
		}
	}

	/** Moves the sample's clock on by 61 s when a step is due; of the threads that see it due, one moves it. */
	private void stepClockWhenDue(MutableClock clock) {
		long due = this.nextClockStep.get();
		if (System.nanoTime() < due || !this.nextClockStep.compareAndSet(due, due + CLOCK_STEP_EVERY.toNanos())) {
			return;
		}
		this.clockSteps.writeLock().lock();
		try {
			clock.advance(Duration.ofSeconds(61));
		}
		finally {
			this.clockSteps.writeLock().unlock();
		}
	}

	private Held issue(RawHttp http, SampleApp app, String user, String password) {
		if (!user.equals("shorty")) {
			Held held = new Held(issue(http, user, password), "1", 0);
			this.tokens.put(held, State.LIVE);
			return held;
		}
		// parked: the client uses it once, then leaves it until the clock has passed its idle timeout
		this.clockSteps.readLock().lock();
		try {
			String token = issue(http, user, password);
			if (send(http.get("/secure/whoami", "Authorization: Bearer " + token)) != 200) {
				this.liveRefused.incrementAndGet();
			}
			Held held = new Held(token, "3", app.clock.millis());
			this.tokens.put(held, State.PARKED);
			return held;
		}
		finally {
			this.clockSteps.readLock().unlock();
		}
	}

	private String issue(RawHttp http, String user, String password) {
		RawHttp.Response response = http.get("/authentication_token", "Authorization: user " + user + ":" + password);
		send(response);
		return TokenAnswers.token(response, TokenAnswers.DSI_JSON, "application/json");
	}

	private void expectRefused(RawHttp http, Held held, AtomicLong acceptedCounter) {
		if (send(http.get("/secure/whoami", "Authorization: Bearer " + held.token())) == 200) {
			acceptedCounter.incrementAndGet();
		}
	}

	private int send(RawHttp.Response response) {
		this.requests.incrementAndGet();
		if (response.status() >= 500) {
			this.serverErrors.incrementAndGet();
		}
		return response.status();
	}

	private long countLive(List<Held> mine) {
		return mine.stream().filter((held) -> this.tokens.get(held) == State.LIVE).count();
	}

	/**
	 * Uses every issued token once more: live ones must be served, the others refused; a parked token is live while
	 * the clock has not passed its idle timeout.
	 */
	private long accountForEveryToken(SampleApp app) {
		RawHttp http = app.http();
		long unaccounted = 0;
		for (Map.Entry<Held, State> entry : this.tokens.entrySet()) {
			State state = entry.getValue();
			boolean live = (state == State.LIVE)
					|| (state == State.PARKED && !idleTimeoutPassed(app, entry.getKey()));
			int status = send(http.get("/secure/whoami", "Authorization: Bearer " + entry.getKey().token()));
			if (live != (status == 200)) {
				unaccounted++;
			}
		}
		return unaccounted;
	}

	/** Whether the sample's clock has passed a parked token's idle timeout since its one use. */
	private static boolean idleTimeoutPassed(SampleApp app, Held parked) {
		return app.clock.millis() - parked.parkedAtMillis() >= DemoAccounts.SHORTY_TIMEOUT.toMillis();
	}

	/** Live entries of {@code me} in the sample's store (shorty's parked tokens are not counted as held live). */
	private static int liveInStore(SampleApp app, MutableClock clock) {
		TokenStore store = app.bean(TokenStore.class);
		return (int) store.findByAccount("1").stream().filter((token) -> token.isAliveAt(clock.instant())).count();
	}

}
