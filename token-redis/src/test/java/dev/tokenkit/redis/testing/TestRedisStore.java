package dev.tokenkit.redis.testing;

import java.time.Clock;

import dev.tokenkit.redis.RedisTokenStore;

/**
 * A {@link RedisTokenStore} on the test server under a fresh key prefix; closing it closes the store and deletes its
 * keys.
 *
 * @param store the store
 * @param prefix its key prefix
 */
public record TestRedisStore(RedisTokenStore store, String prefix) implements AutoCloseable {

	/** A new store on the given clock; skips the calling test when there is no server and Redis is not required. */
	public static TestRedisStore start(Clock clock) {
		String prefix = TestRedis.prefix();
		return new TestRedisStore(RedisTokenStore.builder(TestRedis.URL).clock(clock).keyPrefix(prefix).build(), prefix);
	}

	@Override
	public void close() {
		this.store.close();
		TestRedis.clean(this.prefix);
	}

}
