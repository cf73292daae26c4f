package dev.tokenkit.redis;

import java.util.UUID;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.store.TokenStoreContractTests;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.throttle.LoginAttempts;
import dev.tokenkit.core.throttle.LoginAttemptsContractTests;
import dev.tokenkit.redis.testing.PrivateRedisCluster;

/**
 * The store contract on a Redis Cluster of six nodes (three primaries, three replicas) that the test starts itself: a
 * token and its account's index live in different slots, and every operation still holds. The stores are built on a
 * cluster client of the test's, as on an app's; {@code RedisFailoverTests} builds them from URIs. The login-attempts
 * contract runs on the same cluster.
 */
class RedisClusterTokenStoreTests extends TokenStoreContractTests {

	private static PrivateRedisCluster cluster;

	/** The app's cluster client, as a Spring Boot app would have it, lent to every store of the class. */
	private static RedisClusterClient client;

	private RedisTokenStore store;

	@BeforeAll
	static void startCluster() {
		cluster = PrivateRedisCluster.start();
		client = RedisClusterClient.create(cluster.seedUris().stream().map(RedisURI::create).toList());
	}

	@AfterAll
	static void stopCluster() {
		if (client != null) {
			client.shutdown();
		}
		if (cluster != null) {
			cluster.close();
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

	/** The login-attempts contract on the same cluster, on a store of this test's clock (closed after each test). */
	@Nested
	class LoginAttemptsOnTheCluster extends LoginAttemptsContractTests {

		@Override
		protected LoginAttempts createAttempts(MutableClock clock) {
			closeStore();
			createStore(clock);
			return RedisClusterTokenStoreTests.this.store.loginAttempts();
		}

	}

}
