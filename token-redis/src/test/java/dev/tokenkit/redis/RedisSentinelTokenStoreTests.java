package dev.tokenkit.redis;

import java.util.UUID;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.store.TokenStoreContractTests;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.redis.testing.PrivateRedisSentinel;

/**
 * The store contract on a primary with a replica and three Sentinels that the test starts itself, the store connected
 * through the Sentinels ({@code redis-sentinel://}) on a client of the test's, as on an app's.
 */
class RedisSentinelTokenStoreTests extends TokenStoreContractTests {

	private static PrivateRedisSentinel sentinel;

	/** The app's client, to the primary through the Sentinels, lent to every store of the class. */
	private static RedisClient client;

	private RedisTokenStore store;

	@BeforeAll
	static void startSentinel() {
		sentinel = PrivateRedisSentinel.start();
		client = RedisClient.create(sentinel.uri());
	}

	@AfterAll
	static void stopSentinel() {
		if (client != null) {
			client.shutdown();
		}
		if (sentinel != null) {
			sentinel.close();
		}
	}

	@Override
	protected TokenStore createStore(MutableClock clock) {
		this.store = RedisTokenStore.builder(client)
			.keyPrefix("tokenkit-test:" + UUID.randomUUID() + ":")
			.clock(clock)
			.build();
		return this.store;
	}

	@AfterEach
	void closeStore() {
		if (this.store != null) {
			this.store.close();
		}
	}

}
