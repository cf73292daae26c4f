package dev.tokenkit.jwt;

import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.redis.RedisTokenStore;
import dev.tokenkit.redis.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;

/** The JWT service's tests with its revocations in Redis. */
class JwtTokenServiceRedisTests extends JwtTokenServiceTests {

	private String prefix;

	private RedisTokenStore redis;

	@Override
	protected TokenStore createStore(MutableClock clock) {
		TestRedis.requireServer();
		this.prefix = TestRedis.prefix();
		this.redis = RedisTokenStore.builder(TestRedis.URL).clock(clock).keyPrefix(this.prefix).build();
		return this.redis;
	}

	@AfterEach
	void closeStore() {
		if (this.redis != null) {
			this.redis.close();
			TestRedis.clean(this.prefix);
		}
	}

}
