package dev.tokenkit.redis;

import java.time.Duration;

import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.throttle.LoginAttempts;
import dev.tokenkit.core.throttle.LoginAttemptsContractTests;
import dev.tokenkit.redis.testing.TestRedis;
import dev.tokenkit.redis.testing.TestRedisStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The login-attempts contract on a real Redis, plus the keys' lifetime. */
class RedisLoginAttemptsTests extends LoginAttemptsContractTests {

	private TestRedisStore redis;

	@Override
	protected LoginAttempts createAttempts(MutableClock clock) {
		this.redis = TestRedisStore.start(clock);
		return this.redis.store().loginAttempts();
	}

	@AfterEach
	void closeStore() {
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void recordFailureThenTheKeysLiveAsLongAsTheWindowAndTheLeaseUnderTheStorePrefix() {
		this.attempts.recordFailure("carol", "a1", Duration.ofMinutes(15));
		this.attempts.admit("dave", "a2", 3);
		RedisClient client = RedisClient.create(TestRedis.URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			long failureTtl = connection.sync().pttl(this.redis.prefix() + "throttle:{carol}");
			long leaseTtl = connection.sync().pttl(this.redis.prefix() + "throttle:{dave}:in-flight");
			assertThat(failureTtl).isBetween(Duration.ofMinutes(15).minusSeconds(5).toMillis(),
					Duration.ofMinutes(15).toMillis());
			assertThat(leaseTtl).isBetween(LoginAttempts.LEASE.minusSeconds(5).toMillis(), LoginAttempts.LEASE.toMillis());
		}
		finally {
			client.shutdown();
		}
	}

}
