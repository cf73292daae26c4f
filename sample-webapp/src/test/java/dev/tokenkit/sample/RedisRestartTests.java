package dev.tokenkit.sample;

import java.time.Duration;
import java.util.Map;

import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.redis.testing.PrivateRedis;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on a private Redis, started by the test on its own port, that is stopped while secure calls flow and
 * then started again. During the outage every call is {@code 503}, none {@code 200}. This Redis keeps nothing on disk
 * (as a cache-only Redis without RDB or AOF), so after the restart a token issued before the outage is cleanly
 * unknown, {@code 401}, and a new one is issued and served within a second. Mandatory in CI.
 */
class RedisRestartTests {

	private PrivateRedis redis;

	private SampleApp app;

	@BeforeEach
	void start() {
		this.redis = PrivateRedis.start();
		this.app = new SampleApp(Map.of("tokenkit.store", "redis", "tokenkit.redis.url", this.redis.uri(),
				"tokenkit.store.timeout-millis", 500), MutableClock.start());
	}

	@AfterEach
	void stop() {
		if (this.app != null) {
			this.app.close();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void redisWhenStoppedThenEverySecureCallIs503AndAfterARestartOldTokensAre401() throws Exception {
		String token = token();
		int refused = 0;
		assertThat(whoami(token).status()).isEqualTo(200);

		this.redis.stop();
		long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		while (System.nanoTime() < end) {
			RawHttp.Response response = whoami(token);
			assertThat(response.status()).as("secure call %s during the outage", refused).isEqualTo(503);
			assertThat(response.header("Retry-After")).isEqualTo("1");
			refused++;
		}
		this.redis.restart();
		long restarted = System.nanoTime();
		String fresh = awaitToken();
		Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);

		assertThat(refused).isGreaterThan(5);
		assertThat(recovery).isLessThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(whoami(fresh).status()).isEqualTo(200);
		RawHttp.Response old = whoami(token);
		assertThat(old.status()).as("the token the restarted Redis lost").isEqualTo(401);
		assertThat(old.header("WWW-Authenticate")).contains("invalid_token");
	}

	private String awaitToken() {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		RawHttp.Response response = issue();
		while (response.status() == 503 && System.nanoTime() < deadline) {
			response = issue();
		}
		return TokenAnswers.token(response, TokenAnswers.DSI_JSON, "application/json");
	}

	private RawHttp.Response issue() {
		return this.app.http().get("/authentication_token", "Authorization: user me:my_password");
	}

	private String token() {
		return TokenAnswers.token(issue(), TokenAnswers.DSI_JSON, "application/json");
	}

	private RawHttp.Response whoami(String token) {
		return this.app.http().get("/secure/whoami", "Authorization: Bearer " + token);
	}

}
