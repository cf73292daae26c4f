package dev.tokenkit.core.account;

import dev.tokenkit.core.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StoredAccountTests {

	@Test
	void hasApiKeyWhenNoKeyStoredThenFalse() {
		assertThat(TestAccounts.storedBob().hasApiKey("anything")).isFalse();
		assertThat(TestAccounts.storedAlice().hasApiKey(TestAccounts.ALICE_API_KEY)).isTrue();
	}

	@Test
	void constructorWhenApiKeyInClearThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StoredAccount(TestAccounts.alice(), "{noop}x", TestAccounts.ALICE_API_KEY))
			.withMessageContaining("ApiKeys.hash")
			.withMessageNotContaining(TestAccounts.ALICE_API_KEY);
	}

	@Test
	void toStringWhenCalledThenHidesHashes() {
		StoredAccount alice = TestAccounts.storedAlice();
		assertThat(alice.toString()).doesNotContain(alice.passwordHash().substring(8, 20))
			.doesNotContain(alice.apiKeyHash().substring(0, 12));
	}

}
