package dev.tokenkit.redis;

import java.time.Duration;

import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.store.TokenStoreContractTests;
import dev.tokenkit.core.testing.CountingTokenStore;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.testing.TestAccounts;
import dev.tokenkit.redis.testing.TestRedis;
import dev.tokenkit.redis.testing.TestRedisStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The store contract on a real Redis, plus what only the Redis store does. */
class RedisTokenStoreTests extends TokenStoreContractTests {

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

	@Test
	void saveWhenSameHashTwiceThenRefused() {
		var record = record("token-1", "acct-1", this.clock.instant());
		this.store.save(record);
		assertThatIllegalStateException().isThrownBy(() -> this.store.save(record));
	}

	@Test
	void authenticateWhenThousandCallsWithOneTokenThenWritesOnlyOncePerTouchInterval() {
		CountingTokenStore counting = new CountingTokenStore(this.store);
		OpaqueTokenService service = OpaqueTokenService.builder(counting).clock(this.clock)
			.touchInterval(Duration.ofMinutes(1)).build();
		IssuedToken token = service.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(30)));
		for (int i = 0; i < 1_000; i++) {
			this.clock.advance(Duration.ofMillis(300));
			assertThat(service.authenticate(token.value()).username()).isEqualTo("alice");
		}
		long allowed = Duration.ofMillis(300L * 1_000).toMinutes();
		assertThat(counting.touches()).isBetween(1, (int) allowed);
		assertThat(counting.reads()).isEqualTo(1_000);
	}

	@Test
	void builderWhenAppsOwnClientThenStoreServesAndCloseLeavesTheClientOpen() {
		String prefix = TestRedis.prefix();
		RedisClient appClient = RedisClient.create(TestRedis.URL);
		try {
			RedisTokenStore shared = RedisTokenStore.builder(appClient).keyPrefix(prefix).clock(this.clock).build();
			IssuedToken token = OpaqueTokenService.builder(shared).clock(this.clock).build()
				.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(30)));
			assertThat(shared.find(TokenHash.of(token.value()))).isNotNull();
			shared.close();
			try (StatefulRedisConnection<String, String> connection = appClient.connect()) {
				assertThat(connection.sync().exists(prefix + "token:" + TokenHash.of(token.value()).toHex()))
					.isEqualTo(1L);
			}
		}
		finally {
			TestRedis.clean(prefix);
			appClient.shutdown();
		}
	}

	@Test
	void builderWhenUriMalformedThenErrorNeverRepeatsIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedisTokenStore.builder("redis://:s3cr#t pw@127.0.0.1:6379"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain("s3cr");
				assertThat(ex.getCause()).isNull();
			});
	}

	/** A token's Redis TTL is its remaining life plus the minute of retention, before and after a touch. */
	@Test
	void touchWhenTokenUsedThenTtlFollowsTheNewDeadline() {
		IssuedToken token = OpaqueTokenService.builder(this.store).clock(this.clock).touchInterval(Duration.ZERO).build()
			.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(30)));
		String key = this.redis.prefix() + "token:" + TokenHash.of(token.value()).toHex();
		assertThat(pttl(key)).isBetween(Duration.ofMinutes(31).minusSeconds(5).toMillis(), Duration.ofMinutes(31).toMillis());

		this.clock.advance(Duration.ofMinutes(10));
		this.store.touch(TokenHash.of(token.value()), this.clock.instant());

		assertThat(pttl(key)).isBetween(Duration.ofMinutes(31).minusSeconds(5).toMillis(), Duration.ofMinutes(31).toMillis());
		this.clock.advance(Duration.ofMinutes(25));
		this.store.touch(TokenHash.of(token.value()), this.clock.instant());
		assertThat(pttl(key)).as("slid again by the second touch").isGreaterThan(Duration.ofMinutes(30).toMillis());
	}

	private static long pttl(String key) {
		RedisClient client = RedisClient.create(TestRedis.URL);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().pttl(key);
		}
		finally {
			client.shutdown();
		}
	}

}
