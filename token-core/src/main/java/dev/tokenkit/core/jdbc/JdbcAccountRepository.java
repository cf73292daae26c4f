package dev.tokenkit.core.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import dev.tokenkit.core.Durations;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.AccountRepository;
import dev.tokenkit.core.account.StoredAccount;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AccountRepository} in the {@code tk_accounts} table of an H2 or PostgreSQL database (see
 * {@link JdbcSchema}). Email addresses are kept in lower case and matched in any case; api keys are kept only as
 * their hash. An account's own token timeouts are the {@code idle_timeout_seconds} and {@code max_lifetime_seconds}
 * columns: with neither set the issuing endpoint's default applies; with only the idle timeout set the absolute cap is
 * {@link TokenPolicy#ofIdle(Duration) the default one}.
 *
 * @since 0.1.0
 */
public final class JdbcAccountRepository implements AccountRepository {

	private static final String COLUMNS = "id, username, email, password_hash, api_key_hash, enabled, authorities, "
			+ "idle_timeout_seconds, max_lifetime_seconds";

	private final JdbcStatements jdbc;

	/**
	 * Creates a repository with a two-second query timeout.
	 *
	 * @param dataSource the database holding {@code tk_accounts}
	 */
	public JdbcAccountRepository(DataSource dataSource) {
		this(dataSource, Duration.ofSeconds(2));
	}

	/**
	 * Creates a repository.
	 *
	 * @param dataSource the database holding {@code tk_accounts}
	 * @param queryTimeout how long a statement may run, in whole seconds rounded up (JDBC's unit), at least one
	 */
	public JdbcAccountRepository(DataSource dataSource, Duration queryTimeout) {
		this.jdbc = new JdbcStatements(Objects.requireNonNull(dataSource, "dataSource cannot be null"),
				Durations.requirePositive(queryTimeout, "queryTimeout"));
	}

	@Override
	public Optional<StoredAccount> findByLogin(String login) {
		Objects.requireNonNull(login, "login cannot be null");
		List<StoredAccount> found = this.jdbc.query("SELECT " + COLUMNS + " FROM tk_accounts WHERE username = ? OR email = ?",
				(statement) -> {
					statement.setString(1, login);
					statement.setString(2, login.toLowerCase(Locale.ROOT));
				}, JdbcAccountRepository::toStoredAccount);
		return found.stream().min(Comparator.comparing((stored) -> !stored.account().username().equals(login)));
	}

	/**
	 * Adds an account, or replaces the one with the same id.
	 *
	 * @param stored the account with its secrets
	 * @throws IllegalStateException if the database refuses the row, for example because another account has its
	 * username, email address or api key
	 * @throws dev.tokenkit.core.StoreUnavailableException if the database cannot be reached
	 */
	public void save(StoredAccount stored) {
		Objects.requireNonNull(stored, "stored cannot be null");
		int updated = this.jdbc.update("UPDATE tk_accounts SET username = ?, email = ?, password_hash = ?, "
				+ "api_key_hash = ?, enabled = ?, authorities = ?, idle_timeout_seconds = ?, max_lifetime_seconds = ? "
				+ "WHERE id = ?", (statement) -> bind(statement, stored, 1));
		if (updated == 0) {
			this.jdbc.update("INSERT INTO tk_accounts (username, email, password_hash, api_key_hash, enabled, "
					+ "authorities, idle_timeout_seconds, max_lifetime_seconds, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					(statement) -> bind(statement, stored, 1));
		}
	}

	/**
	 * Adds an account unless its id, username, email address or api key is already taken, in which case nothing
	 * changes.
	 *
	 * @param stored the account with its secrets
	 * @return {@code true} if it was added
	 * @throws IllegalStateException if another node added a conflicting account at the same moment
	 * @throws dev.tokenkit.core.StoreUnavailableException if the database cannot be reached
	 */
	public boolean insertIfAbsent(StoredAccount stored) {
		Objects.requireNonNull(stored, "stored cannot be null");
		return this.jdbc.update("INSERT INTO tk_accounts (username, email, password_hash, api_key_hash, enabled, "
				+ "authorities, idle_timeout_seconds, max_lifetime_seconds, id) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? "
				+ "WHERE NOT EXISTS (SELECT 1 FROM tk_accounts WHERE id = ? OR username = ? OR email = ? "
				+ "OR api_key_hash = ?)", (statement) -> {
					bind(statement, stored, 1);
					statement.setString(10, stored.account().id());
					statement.setString(11, stored.account().username());
					statement.setString(12, (stored.account().email() != null)
							? stored.account().email().toLowerCase(Locale.ROOT) : null);
					statement.setString(13, stored.apiKeyHash());
				}) == 1;
	}

	private static void bind(PreparedStatement statement, StoredAccount stored, int first) throws SQLException {
		Account account = stored.account();
		statement.setString(first, account.username());
		statement.setString(first + 1, (account.email() != null) ? account.email().toLowerCase(Locale.ROOT) : null);
		statement.setString(first + 2, stored.passwordHash());
		statement.setString(first + 3, stored.apiKeyHash());
		statement.setBoolean(first + 4, account.enabled());
		statement.setString(first + 5, Authorities.join(account.authorities()));
		setSeconds(statement, first + 6, (account.policy() != null) ? account.policy().idleTimeout() : null);
		setSeconds(statement, first + 7, (account.policy() != null) ? account.policy().maxLifetime() : null);
		statement.setString(first + 8, account.id());
	}

	private static void setSeconds(PreparedStatement statement, int index, @Nullable Duration duration)
			throws SQLException {
		if (duration == null) {
			statement.setNull(index, Types.BIGINT);
		}
		else {
			statement.setLong(index, duration.toSeconds());
		}
	}

	private static StoredAccount toStoredAccount(ResultSet row) throws SQLException {
		Account account = new Account(row.getString("id"), row.getString("username"), row.getString("email"),
				Authorities.split(row.getString("authorities")), row.getBoolean("enabled"), policy(row));
		String apiKeyHash = row.getString("api_key_hash");
		return new StoredAccount(account, row.getString("password_hash"), (apiKeyHash != null) ? apiKeyHash.trim() : null);
	}

	private static @Nullable TokenPolicy policy(ResultSet row) throws SQLException {
		long idle = row.getLong("idle_timeout_seconds");
		if (row.wasNull()) {
			return null;
		}
		long max = row.getLong("max_lifetime_seconds");
		return row.wasNull() ? TokenPolicy.ofIdle(Duration.ofSeconds(idle))
				: new TokenPolicy(Duration.ofSeconds(idle), Duration.ofSeconds(max));
	}

}
