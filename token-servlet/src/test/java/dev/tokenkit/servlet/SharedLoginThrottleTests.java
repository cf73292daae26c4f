package dev.tokenkit.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.jdbc.JdbcTokenStore;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.testing.TestDatabases;
import dev.tokenkit.core.testing.TestJdbcStore;
import dev.tokenkit.core.throttle.LoginAttempts;
import dev.tokenkit.servlet.error.TokenKitHttpException;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Two throttles over one database's counts, as two nodes behind a load balancer: the limits hold for the pair as they
 * hold for one {@link InMemoryLoginThrottle}.
 */
class SharedLoginThrottleTests {

	private final MutableClock clock = MutableClock.start();

	private final TestJdbcStore jdbc = TestJdbcStore.on(TestDatabases.h2(), this.clock);

	private final LoginAttempts attempts = this.jdbc.store().loginAttempts();

	private final SharedLoginThrottle nodeA = new SharedLoginThrottle(this.attempts, 3, Duration.ofMinutes(15));

	private final SharedLoginThrottle nodeB = new SharedLoginThrottle(this.attempts, 3, Duration.ofMinutes(15));

	@AfterEach
	void close() {
		this.jdbc.close();
	}

	@Test
	void checkWhenFailuresAlternateNodesThenTheLimitIsForBothTogetherUntilTheWindowEnds() {
		for (int i = 0; i < 3; i++) {
			SharedLoginThrottle node = (i % 2 == 0) ? this.nodeA : this.nodeB;
			node.check("alice", "10.0.0." + i);
			node.recordFailure((i % 2 == 0) ? "alice" : "ALICE", "10.0.0." + i);
		}
		for (SharedLoginThrottle node : new SharedLoginThrottle[] { this.nodeA, this.nodeB }) {
			assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> node.check("Alice", "10.0.0.9"))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(429))
				.satisfies((ex) -> assertThat(ex.headers()).containsEntry("Retry-After", "900"));
		}
		assertThatNoException().isThrownBy(() -> this.nodeB.check("bob", "10.0.0.9"));
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThatNoException().isThrownBy(() -> this.nodeA.check("alice", "10.0.0.9"));
	}

	@Test
	void checkWhenAttemptsInFlightOnOneNodeFillTheLimitThenTheOtherWaitsForOneToLand() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.nodeA.check("carol", "10.0.0.1");
		}
		CompletableFuture<Void> queued = CompletableFuture.runAsync(() -> this.nodeB.check("carol", "10.0.0.2"));
		Thread.sleep(300);
		assertThat(queued).as("waits while three attempts are in flight on the other node").isNotDone();

		this.nodeA.release("carol", "10.0.0.1");
		queued.get(2, TimeUnit.SECONDS);

		for (int i = 0; i < 3; i++) {
			this.nodeA.recordFailure("carol", "10.0.0.1");
		}
		long started = System.nanoTime();
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> this.nodeB.check("carol", "10.0.0.3"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(429));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused at once").isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void checkWhenOneAddressSpraysManyLoginsOverBothNodesThen429ForThatAddressOnly() {
		for (int i = 0; i < 12; i++) {
			((i % 2 == 0) ? this.nodeA : this.nodeB).recordFailure("user" + i, "10.0.0.1");
		}
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> this.nodeA.check("new", "10.0.0.1"));
		for (int i = 0; i < 3; i++) {
			assertThatNoException().as("the refused attempt gave the login's admission back")
				.isThrownBy(() -> this.nodeB.check("new", "10.0.0.2"));
		}
	}

	@Test
	void checkWhenTheSharedStoreIsUnreachableThen503AndFailuresAreDropped() {
		SharedLoginThrottle unreachable = new SharedLoginThrottle(
				((JdbcTokenStore) TestServer.unreachableStore()).loginAttempts(), 3, Duration.ofMinutes(15));
		assertThatExceptionOfType(TokenKitHttpException.class)
			.isThrownBy(() -> unreachable.check("alice", "10.0.0.1"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(503));
		assertThatNoException().isThrownBy(() -> unreachable.recordFailure("alice", "10.0.0.1"));
		assertThatNoException().isThrownBy(() -> unreachable.release("alice", "10.0.0.1"));
	}

	/**
	 * An outage between attempts' admissions and their ends, then one that loses an admission's answer after the store
	 * made it: once the store answers again, the kept ends are sent before the next check, so nothing stays in flight.
	 */
	@Test
	void checkAfterAnOutageThenAttemptsWhoseEndsWereLostNoLongerCount() {
		Outage store = new Outage(this.attempts);
		SharedLoginThrottle node = new SharedLoginThrottle(store, 3, Duration.ofMinutes(15));
		for (int i = 0; i < 3; i++) {
			node.check("carol", "10.0.0.1");
		}
		store.fault = Fault.UNREACHABLE;
		for (int i = 0; i < 3; i++) {
			node.release("carol", "10.0.0.1");
		}
		store.fault = Fault.ANSWERS_LOST;
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> node.check("carol", "10.0.0.1"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(503));
		store.fault = Fault.NONE;

		long started = System.nanoTime();
		for (int i = 0; i < 3; i++) {
			node.check("carol", "10.0.0.1");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no wait for attempts that had ended")
			.isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void constructorWhenNoFailuresAllowedThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SharedLoginThrottle(this.attempts, 0, Duration.ZERO))
			.withMessage("maxFailures must be at least 1");
	}

	@Test
	void issuingWhenAnAttackerAlternatesServersThenBothRefuseAfterTheLimitEvenTheRightPassword() {
		try (TestServer a = new TestServer().start((s) -> s.servlet.issuer().setLoginThrottle(this.nodeA));
				TestServer b = new TestServer().start((s) -> s.servlet.issuer().setLoginThrottle(this.nodeB))) {
			RawHttp[] nodes = { a.http(), b.http() };
			for (int i = 0; i < 3; i++) {
				assertThat(nodes[i % 2].get("/authentication_token?username=me&password=wrong").status()).isEqualTo(401);
			}
			for (RawHttp node : nodes) {
				RawHttp.Response throttled = node.get("/authentication_token?username=me&password=my_password");
				assertThat(throttled.status()).isEqualTo(429);
				assertThat(throttled.header("Retry-After")).isEqualTo("900");
			}
			assertThat(a.store.writes() + b.store.writes()).isZero();
		}
	}

	/** How the counts of {@link Outage} fail. */
	private enum Fault {

		/** Every step is made and answered. */
		NONE,

		/** No step is made: the store cannot be reached. */
		UNREACHABLE,

		/** Each step is made, then its answer is lost. */
		ANSWERS_LOST

	}

	/** Real counts behind a switchable fault, each step failing as the store would. */
	private static final class Outage implements LoginAttempts {

		private final LoginAttempts counts;

		volatile Fault fault = Fault.NONE;

		Outage(LoginAttempts counts) {
			this.counts = counts;
		}

		@Override
		public Admission admit(String key, String attempt, int limit) {
			unreachable();
			Admission admission = this.counts.admit(key, attempt, limit);
			answerLost();
			return admission;
		}

		@Override
		public void recordFailure(String key, String attempt, Duration window) {
			unreachable();
			this.counts.recordFailure(key, attempt, window);
			answerLost();
		}

		@Override
		public void release(String key, String attempt) {
			unreachable();
			this.counts.release(key, attempt);
			answerLost();
		}

		private void unreachable() {
			if (this.fault == Fault.UNREACHABLE) {
				throw new StoreUnavailableException(new IOException("connection refused"));
			}
		}

		private void answerLost() {
			if (this.fault == Fault.ANSWERS_LOST) {
				throw new StoreUnavailableException(new IOException("read timed out"));
			}
		}

	}

}
