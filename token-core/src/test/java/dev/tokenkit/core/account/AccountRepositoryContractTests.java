package dev.tokenkit.core.account;

import java.time.Duration;
import java.util.Set;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract every {@link AccountRepository} keeps, run against each implementation by a subclass. */
public abstract class AccountRepositoryContractTests {

	/** A new repository holding exactly the given accounts. */
	protected abstract AccountRepository repositoryWith(StoredAccount... accounts);

	/** Saves an account into a repository made by {@link #repositoryWith(StoredAccount...)}. */
	protected abstract void save(AccountRepository repository, StoredAccount account);

	@Test
	void findByLoginWhenUsernameThenAccountWithSecrets() {
		StoredAccount alice = TestAccounts.storedAlice();
		AccountRepository repository = repositoryWith(alice, TestAccounts.storedBob());
		StoredAccount found = repository.findByLogin("alice").orElseThrow();
		assertThat(found.account()).isEqualTo(alice.account());
		assertThat(found.passwordHash()).isEqualTo(alice.passwordHash());
		assertThat(found.hasApiKey(TestAccounts.ALICE_API_KEY)).isTrue();
		assertThat(found.hasApiKey(TestAccounts.ALICE_API_KEY + "x")).isFalse();
	}

	@Test
	void findByLoginWhenEmailInAnyCaseThenAccount() {
		AccountRepository repository = repositoryWith(TestAccounts.storedAlice(), TestAccounts.storedBob());
		assertThat(repository.findByLogin("ALICE@example.TEST")).map((s) -> s.account().id()).hasValue("acct-alice");
		assertThat(repository.findByLogin("bob@example.test")).map((s) -> s.account().id()).hasValue("acct-bob");
	}

	@Test
	void findByLoginWhenUsernameInOtherCaseThenEmpty() {
		AccountRepository repository = repositoryWith(TestAccounts.storedAlice());
		assertThat(repository.findByLogin("Alice")).isEmpty();
	}

	@Test
	void findByLoginWhenUnknownThenEmpty() {
		AccountRepository repository = repositoryWith(TestAccounts.storedAlice());
		assertThat(repository.findByLogin("nobody")).isEmpty();
		assertThat(repository.findByLogin("")).isEmpty();
	}

	@Test
	void findByLoginWhenAccountHasPolicyThenPolicyKept() {
		AccountRepository repository = repositoryWith(TestAccounts.storedBob());
		assertThat(repository.findByLogin("bob").orElseThrow().account().policy())
			.isEqualTo(new TokenPolicy(Duration.ofHours(10), Duration.ofHours(24)));
		assertThat(repository.findByLogin("bob").orElseThrow().apiKeyHash()).isNull();
	}

	@Test
	void findByLoginWhenDisabledThenReturnedDisabled() {
		AccountRepository repository = repositoryWith(TestAccounts.storedDave());
		assertThat(repository.findByLogin("dave").orElseThrow().account().enabled()).isFalse();
	}

	@Test
	void saveWhenSameIdThenReplacesAccount() {
		AccountRepository repository = repositoryWith(TestAccounts.storedAlice());
		Account renamed = new Account("acct-alice", "alice2", "alice2@example.test", Set.of("ROLE_ADMIN"), false,
				TokenPolicy.ofIdle(Duration.ofMinutes(5)));
		save(repository, new StoredAccount(renamed, TestAccounts.bcrypt("new"), null));
		assertThat(repository.findByLogin("alice")).isEmpty();
		assertThat(repository.findByLogin("alice2").orElseThrow().account()).isEqualTo(renamed);
	}

}
