package dev.tokenkit.core.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.AccountRepository;
import dev.tokenkit.core.account.AccountRepositoryContractTests;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The account repository contract plus what only the JDBC repository does, run on each database by a subclass. */
abstract class JdbcAccountRepositoryContractTests extends AccountRepositoryContractTests {

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	/** A pooled data source on an empty database. */
	protected abstract HikariDataSource createDataSource();

	@Override
	protected AccountRepository repositoryWith(StoredAccount... accounts) {
		HikariDataSource dataSource = createDataSource();
		this.dataSources.add(dataSource);
		JdbcSchema.createIfMissing(dataSource);
		JdbcAccountRepository repository = new JdbcAccountRepository(dataSource);
		for (StoredAccount account : accounts) {
			repository.save(account);
		}
		return repository;
	}

	@Override
	protected void save(AccountRepository repository, StoredAccount account) {
		((JdbcAccountRepository) repository).save(account);
	}

	@AfterEach
	void closeDataSources() {
		this.dataSources.forEach(HikariDataSource::close);
	}

	@Test
	void saveThenNoColumnHoldsTheApiKeyOrPassword() throws SQLException {
		repositoryWith(TestAccounts.storedAlice());
		List<String> cells = new ArrayList<>();
		try (Connection connection = this.dataSources.get(0).getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT * FROM tk_accounts")) {
			while (rows.next()) {
				for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
					cells.add(String.valueOf(rows.getObject(column)));
				}
			}
		}
		assertThat(cells).isNotEmpty()
			.noneMatch((cell) -> cell.contains(TestAccounts.ALICE_API_KEY) || cell.contains(TestAccounts.ALICE_PASSWORD));
	}

	@Test
	void createIfMissingWhenRunTwiceThenKeepsRows() {
		AccountRepository repository = repositoryWith(TestAccounts.storedAlice());
		JdbcSchema.createIfMissing(this.dataSources.get(0));
		assertThat(repository.findByLogin("alice")).isPresent();
	}

	@Test
	void insertIfAbsentWhenIdUsernameOrEmailTakenThenNothingChanges() {
		StoredAccount alice = TestAccounts.storedAlice();
		StoredAccount bob = TestAccounts.storedBob();
		JdbcAccountRepository repository = (JdbcAccountRepository) repositoryWith(alice);
		StoredAccount sameId = new StoredAccount(new Account(alice.account().id(), "mallory", null, Set.of(), true,
				null), alice.passwordHash(), null);
		StoredAccount sameUsername = new StoredAccount(new Account("other-id", "alice", null, Set.of(), true, null),
				alice.passwordHash(), null);
		StoredAccount sameEmail = new StoredAccount(new Account("third-id", "alice2",
				alice.account().email().toUpperCase(Locale.ROOT), Set.of(), true, null), alice.passwordHash(), null);

		assertThat(repository.insertIfAbsent(sameId)).isFalse();
		assertThat(repository.insertIfAbsent(sameUsername)).isFalse();
		assertThat(repository.insertIfAbsent(sameEmail)).isFalse();
		assertThat(repository.insertIfAbsent(bob)).isTrue();

		assertThat(repository.findByLogin("alice")).contains(alice);
		assertThat(repository.findByLogin("mallory")).isEmpty();
		assertThat(repository.findByLogin("bob")).hasValueSatisfying(
				(found) -> assertThat(found.account().id()).isEqualTo(bob.account().id()));
	}

}
