package dev.tokenkit.core.store;

import java.time.Duration;

import dev.tokenkit.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryTokenStoreTests extends TokenStoreContractTests {

	@Override
	protected TokenStore createStore(MutableClock clock) {
		return new InMemoryTokenStore(clock);
	}

	@Test
	void findWhenPastDeadlineThenKeptForRetentionThenGone() {
		TokenRecord record = record("token-1", "acct-1", this.clock.instant());
		this.store.save(record);
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(this.store.find(record.hash())).isEqualTo(record);
		this.clock.advance(InMemoryTokenStore.RETENTION_AFTER_EXPIRY);
		assertThat(this.store.find(record.hash())).isNull();
		assertThat(this.store.findByAccount("acct-1")).isEmpty();
	}

	@Test
	void findWhenTouchedThenDeadlineMovesWithLastUse() {
		TokenRecord record = record("token-1", "acct-1", this.clock.instant());
		this.store.save(record);
		this.clock.advance(Duration.ofMinutes(20));
		this.store.touch(record.hash(), this.clock.instant());
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(this.store.find(record.hash())).isNotNull();
		this.clock.advance(Duration.ofMinutes(10).plus(InMemoryTokenStore.RETENTION_AFTER_EXPIRY));
		assertThat(this.store.find(record.hash())).isNull();
	}

}
