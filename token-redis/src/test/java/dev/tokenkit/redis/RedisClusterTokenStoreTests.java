package dev.tokenkit.redis;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.store.TokenStoreContractTests;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.redis.testing.PrivateRedisCluster;

/**
 * The store contract on a Redis Cluster of six nodes (three primaries, three replicas) that the test starts itself: a
 * token and its account's index live in different slots, and every operation still holds.
 */
class RedisClusterTokenStoreTests extends TokenStoreContractTests {

	private static PrivateRedisCluster cluster;

	private RedisTokenStore store;

	@BeforeAll
	static void startCluster() {
		cluster = PrivateRedisCluster.start();
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Override
	protected TokenStore createStore(MutableClock clock) {
		this.store = RedisTokenStore.clusterBuilder(cluster.seedUris())
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
