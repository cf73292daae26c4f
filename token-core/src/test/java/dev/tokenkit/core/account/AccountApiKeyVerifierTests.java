package dev.tokenkit.core.account;

import java.util.Set;

import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountApiKeyVerifierTests {

	@Test
	void belongsToWhenKeyOfTheTokensAccountThenTrueElseFalse() {
		InMemoryAccountRepository accounts = new InMemoryAccountRepository();
		accounts.save(TestAccounts.storedAlice());
		accounts.save(TestAccounts.storedBob());
		AccountApiKeyVerifier verifier = new AccountApiKeyVerifier(accounts);
		TokenPrincipal alice = new TokenPrincipal("acct-alice", "alice", Set.of());
		assertThat(verifier.belongsTo(TestAccounts.ALICE_API_KEY, alice)).isTrue();
		assertThat(verifier.belongsTo("other", alice)).isFalse();
		assertThat(verifier.belongsTo(TestAccounts.ALICE_API_KEY, new TokenPrincipal("acct-bob", "bob", Set.of())))
			.isFalse();
		assertThat(verifier.belongsTo(TestAccounts.ALICE_API_KEY, new TokenPrincipal("acct-other", "alice", Set.of())))
			.isFalse();
	}

}
