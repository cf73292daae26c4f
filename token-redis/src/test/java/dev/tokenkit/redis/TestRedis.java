package dev.tokenkit.redis;

import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Assumptions;

/**
 * The Redis for tests: the server named by {@code TOKENKIT_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379}),
 * with a fresh key prefix per store so that tests never see each other's keys. Without a server the Redis tests are
 * skipped with a printed reason, unless {@code TOKENKIT_REQUIRE_REDIS=true} (set by {@code .ci/run}) makes them fail.
 */
final class TestRedis {

	static final String URL = System.getenv().getOrDefault("TOKENKIT_TEST_REDIS_URL", "redis://127.0.0.1:6379");

	private static volatile String skipReason;

	private TestRedis() {
	}

	/** A unique key prefix, after checking that the server answers. */
	static String prefix() {
		if (skipReason != null) {
			Assumptions.abort(skipReason);
		}
		RedisClient client = RedisClient.create(URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().ping();
		}
		catch (RuntimeException ex) {
			if (Boolean.parseBoolean(System.getenv("TOKENKIT_REQUIRE_REDIS"))) {
				throw new IllegalStateException("TOKENKIT_REQUIRE_REDIS is set but Redis at " + URL
						+ " cannot be reached", ex);
			}
			skipReason = "Skipping Redis tests: no server at " + URL + " (" + ex.getMessage()
					+ "). Set TOKENKIT_REQUIRE_REDIS=true to make them mandatory.";
			System.err.println(skipReason);
			return Assumptions.abort(skipReason);
		}
		finally {
			client.shutdown();
		}
		return "tokenkit-test:" + UUID.randomUUID() + ":";
	}

	/** Deletes every key under a prefix. */
	static void clean(String prefix) {
		RedisClient client = RedisClient.create(URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			var keys = connection.sync().keys(prefix + "*");
			if (!keys.isEmpty()) {
				connection.sync().del(keys.toArray(String[]::new));
			}
		}
		finally {
			client.shutdown();
		}
	}

}
