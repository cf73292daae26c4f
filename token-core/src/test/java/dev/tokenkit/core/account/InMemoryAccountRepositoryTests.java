package dev.tokenkit.core.account;

import java.util.Set;

import dev.tokenkit.core.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryAccountRepositoryTests extends AccountRepositoryContractTests {

	@Override
	protected AccountRepository repositoryWith(StoredAccount... accounts) {
		InMemoryAccountRepository repository = new InMemoryAccountRepository();
		for (StoredAccount account : accounts) {
			repository.save(account);
		}
		return repository;
	}

	@Override
	protected void save(AccountRepository repository, StoredAccount account) {
		((InMemoryAccountRepository) repository).save(account);
	}

	@Test
	void saveWhenAnotherAccountHasUsernameThenRefused() {
		InMemoryAccountRepository repository = new InMemoryAccountRepository();
		repository.save(TestAccounts.storedAlice());
		Account impostor = new Account("acct-other", "alice", null, Set.of(), true, null);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> repository.save(new StoredAccount(impostor, TestAccounts.bcrypt("x"), null)));
	}

}
