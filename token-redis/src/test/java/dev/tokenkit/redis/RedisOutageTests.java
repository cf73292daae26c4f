package dev.tokenkit.redis;

import java.time.Duration;
import java.time.Instant;

import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.testing.TestAccounts;
import dev.tokenkit.redis.testing.PrivateRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A private Redis, started by the test on its own port of 127.0.0.1, stopped and restarted under the store: while it
 * is down every check fails closed at once ({@link StoreUnavailableException}, HTTP 503), never a pass; after the
 * restart the store serves again by itself. This Redis keeps nothing on disk, so a token issued before the outage is
 * cleanly unknown afterwards (401), as it would be with any Redis that lost its data.
 */
@Isolated
class RedisOutageTests {

	private PrivateRedis redis;

	private RedisTokenStore store;

	private OpaqueTokenService service;

	@BeforeEach
	void start() {
		this.redis = PrivateRedis.start();
		this.store = RedisTokenStore.builder(this.redis.uri()).timeout(Duration.ofMillis(500)).build();
		this.service = OpaqueTokenService.builder(this.store).build();
	}

	@AfterEach
	void stop() {
		if (this.store != null) {
			this.store.close();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void authenticateWhenRedisStopsThenFailsClosedQuicklyAndRecoversAfterRestart() throws Exception {
		IssuedToken token = this.service.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(30)));
		assertThat(this.service.authenticate(token.value()).username()).isEqualTo("alice");

		this.redis.stop();
		for (int i = 0; i < 20; i++) {
			Instant started = Instant.now();
			assertThatExceptionOfType(StoreUnavailableException.class)
				.isThrownBy(() -> this.service.authenticate(token.value()));
			assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(2));
		}
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> this.service.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(30))));

		this.redis.restart();
		Instant restarted = Instant.now();
		IssuedToken fresh = awaitIssue();
		assertThat(Duration.between(restarted, Instant.now())).isLessThan(Duration.ofSeconds(3));
		assertThat(this.service.authenticate(fresh.value()).username()).isEqualTo("alice");
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.service.authenticate(token.value()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvalidTokenException.Reason.UNKNOWN));
	}

	/** Polls until the store serves again: reconnection happens in the background, every 250 ms. */
	private IssuedToken awaitIssue() throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(10);
		while (true) {
			try {
				return this.service.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(30)));
			}
			catch (StoreUnavailableException ex) {
				if (Instant.now().isAfter(deadline)) {
					throw ex;
				}
				Thread.sleep(50);
			}
		}
	}

}
