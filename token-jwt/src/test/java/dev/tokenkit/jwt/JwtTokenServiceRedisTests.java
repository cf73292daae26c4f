package dev.tokenkit.jwt;

import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.redis.testing.TestRedisStore;
import org.junit.jupiter.api.AfterEach;

/** The JWT service's tests with its revocations in Redis. */
class JwtTokenServiceRedisTests extends JwtTokenServiceTests {

	private TestRedisStore redis;

	@Override
	protected TokenStore createStore(MutableClock clock) {
		this.redis = TestRedisStore.start(clock);
		return this.redis.store();
	}

	@AfterEach
	void closeStore() {
		if (this.redis != null) {
			this.redis.close();
		}
	}

}
