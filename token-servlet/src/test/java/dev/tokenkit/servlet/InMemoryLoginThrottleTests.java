package dev.tokenkit.servlet;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.error.TokenKitHttpException;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class InMemoryLoginThrottleTests {

	private final MutableClock clock = MutableClock.start();

	private final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(3, Duration.ofMinutes(15), this.clock);

	@Test
	void checkWhenFailuresReachLimitForLoginInAnyCaseThen429UntilWindowEnds() {
		for (int i = 0; i < 3; i++) {
			this.throttle.check("alice", "10.0.0." + i);
			this.throttle.recordFailure((i % 2 == 0) ? "alice" : "ALICE", "10.0.0." + i);
		}
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> this.throttle.check("Alice", "10.0.0.9"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(429))
			.satisfies((ex) -> assertThat(ex.headers()).containsEntry("Retry-After", "900"));
		assertThatNoException().isThrownBy(() -> this.throttle.check("bob", "10.0.0.9"));
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThatNoException().isThrownBy(() -> this.throttle.check("alice", "10.0.0.9"));
	}

	@Test
	void checkWhenAttemptsInFlightFillTheLimitThenTheNextWaitsForOneToLandAndFailuresRefuseAtOnce() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.throttle.check("carol", "10.0.0.1");
		}
		CompletableFuture<Void> queued = CompletableFuture.runAsync(() -> this.throttle.check("carol", "10.0.0.2"));
		Thread.sleep(300);
		assertThat(queued).as("waits while three attempts are in flight").isNotDone();

		this.throttle.release("carol", "10.0.0.1");
		queued.get(2, TimeUnit.SECONDS);

		for (int i = 0; i < 3; i++) {
			this.throttle.recordFailure("carol", "10.0.0.1");
		}
		long started = System.nanoTime();
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> this.throttle.check("carol", "10.0.0.3"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(429));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused at once").isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void delayWhenFailuresPassHalfTheLimitThenGrowsBy200MillisecondsUpToOneSecond() {
		InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(20, Duration.ofMinutes(15), this.clock);
		assertThat(throttle.delay(10)).isZero();
		assertThat(throttle.delay(11)).hasMillis(200);
		assertThat(throttle.delay(13)).hasMillis(600);
		assertThat(throttle.delay(19)).hasMillis(1_000);
	}

	@Test
	void checkWhenOneAddressSpraysManyLoginsThen429ForThatAddress() {
		for (int i = 0; i < 12; i++) {
			this.throttle.recordFailure("user" + i, "10.0.0.1");
		}
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> this.throttle.check("new", "10.0.0.1"));
		assertThatNoException().isThrownBy(() -> this.throttle.check("new", "10.0.0.2"));
	}

	@Test
	void issuingWhenThrottledThen429EvenWithRightPassword() {
		try (TestServer server = new TestServer()
			.start((s) -> s.servlet.issuer().setLoginThrottle(new InMemoryLoginThrottle(2, Duration.ofMinutes(1))))) {
			RawHttp http = server.http();
			assertThat(http.get("/authentication_token?username=me&password=wrong").status()).isEqualTo(401);
			assertThat(http.get("/authentication_token?username=me&password=wrong").status()).isEqualTo(401);
			RawHttp.Response throttled = http.get("/authentication_token?username=me&password=my_password");
			assertThat(throttled.status()).isEqualTo(429);
			assertThat(throttled.header("Retry-After")).isEqualTo("60");
			assertThat(throttled.body()).contains("too_many_requests");
			assertThat(server.store.writes()).isZero();
		}
	}

}
