package dev.tokenkit.sample;

import java.time.Duration;
import java.util.Map;

import dev.tokenkit.redis.testing.PrivateRedis;

/**
 * {@link StoreFaultTests} with tokens in a private Redis, started by the test on its own port, that keeps nothing on
 * disk (as a cache-only Redis without RDB or AOF): after a stop, tokens issued before it are cleanly unknown,
 * {@code 401}, and new ones are served. Accounts stay in the embedded H2. Mandatory in CI.
 */
class RedisStoreFaultTests extends StoreFaultTests {

	private PrivateRedis redis;

	@Override
	String store() {
		return "redis";
	}

	@Override
	int startServer() {
		this.redis = PrivateRedis.start();
		return this.redis.port();
	}

	@Override
	void stopServer() throws InterruptedException {
		this.redis.stop();
	}

	@Override
	void startServerAgain() throws InterruptedException {
		this.redis.restart();
	}

	@Override
	void closeServer() {
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Override
	Map<String, Object> settings(int port) {
		return Map.of("tokenkit.store.type", "redis", "spring.data.redis.url", "redis://127.0.0.1:" + port);
	}

	/** Each Redis command is bounded by the store timeout. */
	@Override
	Duration longestWait() {
		return STORE_TIMEOUT;
	}

	@Override
	boolean keepsTokensWhenStopped() {
		return false;
	}

}
