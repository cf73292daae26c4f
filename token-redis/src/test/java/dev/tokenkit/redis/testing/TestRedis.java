package dev.tokenkit.redis.testing;

import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Assumptions;

/**
 * The Redis for tests: the server named by {@code TOKENKIT_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379}),
 * with a fresh key prefix per store so that tests never see each other's keys. Without a server the Redis tests are
 * skipped with a printed reason, unless {@code TOKENKIT_REQUIRE_REDIS=true} (set by {@code .ci/run}) makes them fail.
 */
public final class TestRedis {

	public static final String URL = System.getenv().getOrDefault("TOKENKIT_TEST_REDIS_URL", "redis://127.0.0.1:6379");

	static final String REQUIRE_VARIABLE = "TOKENKIT_REQUIRE_REDIS";

	private static volatile String skipReason;

	private TestRedis() {
	}

	/** Checks that the server answers; skips the calling test, or fails it when Redis is required, if not. */
	public static void requireServer() {
		if (skipReason != null) {
			Assumptions.abort(skipReason);
		}
		RedisClient client = RedisClient.create(URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().ping();
		}
		catch (RuntimeException ex) {
			if (Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE))) {
				throw new IllegalStateException(REQUIRE_VARIABLE + " is set but Redis at " + URL + " cannot be reached",
						ex);
			}
			skipReason = "Skipping Redis tests: no server at " + URL + " (" + ex.getMessage() + "). Set "
					+ REQUIRE_VARIABLE + "=true to make them mandatory.";
			System.err.println(skipReason);
			Assumptions.abort(skipReason);
		}
		finally {
			client.shutdown();
		}
	}

	/** A unique key prefix, after checking that the server answers. */
	public static String prefix() {
		requireServer();
		return "tokenkit-test:" + UUID.randomUUID() + ":";
	}

	/** Deletes every key under a prefix. */
	public static void clean(String prefix) {
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
