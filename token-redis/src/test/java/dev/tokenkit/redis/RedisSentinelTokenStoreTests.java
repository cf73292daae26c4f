package dev.tokenkit.redis;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.store.TokenStoreContractTests;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.redis.testing.PrivateRedisSentinel;

/**
 * The store contract on a primary with a replica and three Sentinels that the test starts itself, the store connected
 * through the Sentinels ({@code redis-sentinel://}).
 */
class RedisSentinelTokenStoreTests extends TokenStoreContractTests {

	private static PrivateRedisSentinel sentinel;

	private RedisTokenStore store;

	@BeforeAll
	static void startSentinel() {
		sentinel = PrivateRedisSentinel.start();
	}

	@AfterAll
	static void stopSentinel() {
		if (sentinel != null) {
			sentinel.close();
		}
	}

	@Override
	protected TokenStore createStore(MutableClock clock) {
		this.store = RedisTokenStore.builder(sentinel.uri())
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
