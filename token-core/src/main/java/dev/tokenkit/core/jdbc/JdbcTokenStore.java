package dev.tokenkit.core.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import dev.tokenkit.core.Durations;
import dev.tokenkit.core.TokenOrigin;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;
import dev.tokenkit.core.store.TokenStore;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TokenStore} in the {@code tk_tokens} table of an H2 or PostgreSQL database (see {@link JdbcSchema}), shared
 * by every node that uses the same database.
 *
 * <p>{@link #touch(TokenHash, Instant)} is one conditional {@code UPDATE} that only moves a live token's last use
 * forward, so concurrent nodes never move it back and never revive an expired token. Expired rows stay until
 * {@link #purgeExpired()} deletes them; call it on a schedule (every few minutes is plenty). A database that cannot be
 * reached, and every statement slower than the query timeout, becomes a
 * {@link dev.tokenkit.core.StoreUnavailableException}.
 *
 * <p>Give it a pooled {@link DataSource} whose connection timeout is short as well.
 *
 * @since 0.1.0
 */
public final class JdbcTokenStore implements TokenStore {

	private static final String COLUMNS = "token_hash, account_id, username, authorities, issued_at, last_used_at, "
			+ "idle_timeout_ms, expires_at, dialect, client_label";

	private static final String INSERT = "INSERT INTO tk_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcStatements jdbc;

	private final Clock clock;

	private JdbcTokenStore(Builder builder) {
		this.jdbc = new JdbcStatements(builder.dataSource, builder.queryTimeout);
		this.clock = builder.clock;
	}

	/**
	 * Starts building a store over the given database.
	 *
	 * @param dataSource the database holding {@code tk_tokens}
	 * @return a builder with every option at its default
	 */
	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	@Override
	public void save(TokenRecord record) {
		this.jdbc.update(INSERT, bind(record));
	}

	@Override
	public boolean saveIfAbsent(TokenRecord record) {
		return this.jdbc.insertIfAbsent(INSERT, bind(record));
	}

	private static JdbcStatements.Binder bind(TokenRecord record) {
		return (statement) -> {
			statement.setString(1, record.hash().toHex());
			statement.setString(2, record.principal().accountId());
			statement.setString(3, record.principal().username());
			statement.setString(4, Authorities.join(record.principal().authorities()));
			statement.setLong(5, record.issuedAt().toEpochMilli());
			statement.setLong(6, record.lastUsedAt().toEpochMilli());
			statement.setLong(7, record.idleTimeout().toMillis());
			statement.setLong(8, record.expiresAt().toEpochMilli());
			statement.setString(9, record.origin().dialect());
			statement.setString(10, record.origin().client());
		};
	}

	@Override
	public @Nullable TokenRecord find(TokenHash hash) {
		List<TokenRecord> found = this.jdbc.query("SELECT " + COLUMNS + " FROM tk_tokens WHERE token_hash = ?",
				(statement) -> statement.setString(1, hash.toHex()), JdbcTokenStore::toRecord);
		return found.isEmpty() ? null : found.get(0);
	}

	@Override
	public void touch(TokenHash hash, Instant usedAt) {
		long now = usedAt.toEpochMilli();
		this.jdbc.update("UPDATE tk_tokens SET last_used_at = ? WHERE token_hash = ? AND last_used_at < ?"
				+ " AND last_used_at + idle_timeout_ms > ? AND expires_at > ?", (statement) -> {
					statement.setLong(1, now);
					statement.setString(2, hash.toHex());
					statement.setLong(3, now);
					statement.setLong(4, now);
					statement.setLong(5, now);
				});
	}

	@Override
	public boolean remove(TokenHash hash) {
		return this.jdbc.update("DELETE FROM tk_tokens WHERE token_hash = ?",
				(statement) -> statement.setString(1, hash.toHex())) > 0;
	}

	@Override
	public int removeAll(String accountId) {
		return this.jdbc.update("DELETE FROM tk_tokens WHERE account_id = ?",
				(statement) -> statement.setString(1, accountId));
	}

	@Override
	public List<TokenRecord> findByAccount(String accountId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM tk_tokens WHERE account_id = ? ORDER BY issued_at, token_hash",
				(statement) -> statement.setString(1, accountId), JdbcTokenStore::toRecord);
	}

	/** Selects and limits in the database, with the account's index. */
	@Override
	public List<TokenRecord> findLiveByAccount(String accountId, Instant at, int max) {
		if (max < 1) {
			throw new IllegalArgumentException("max must be at least 1");
		}
		long now = at.toEpochMilli();
		return this.jdbc.query("SELECT " + COLUMNS + " FROM tk_tokens WHERE account_id = ? AND expires_at > ?"
				+ " AND last_used_at + idle_timeout_ms > ? ORDER BY issued_at DESC, token_hash LIMIT ?", (statement) -> {
					statement.setString(1, accountId);
					statement.setLong(2, now);
					statement.setLong(3, now);
					statement.setInt(4, max);
				}, JdbcTokenStore::toRecord);
	}

	/**
	 * Deletes the rows of tokens past their idle timeout or absolute expiry.
	 *
	 * @return how many rows were deleted
	 */
	public int purgeExpired() {
		long now = this.clock.millis();
		return this.jdbc.update("DELETE FROM tk_tokens WHERE expires_at <= ? OR last_used_at + idle_timeout_ms <= ?",
				(statement) -> {
					statement.setLong(1, now);
					statement.setLong(2, now);
				});
	}

	/**
	 * Counts of failed logins and attempts in flight in this store's database ({@code tk_login_attempts} and
	 * {@code tk_login_attempts_in_flight}), for a login throttle that every node on the database shares.
	 *
	 * @return the counts, on this store's clock and query timeout
	 */
	public JdbcLoginAttempts loginAttempts() {
		return new JdbcLoginAttempts(this.jdbc, this.clock);
	}

	private static TokenRecord toRecord(ResultSet row) throws SQLException {
		TokenPrincipal principal = new TokenPrincipal(row.getString("account_id"), row.getString("username"),
				Authorities.split(row.getString("authorities")));
		return new TokenRecord(TokenHash.fromHex(row.getString("token_hash").trim()), principal,
				Instant.ofEpochMilli(row.getLong("issued_at")), Instant.ofEpochMilli(row.getLong("last_used_at")),
				Duration.ofMillis(row.getLong("idle_timeout_ms")), Instant.ofEpochMilli(row.getLong("expires_at")),
				TokenOrigin.restored(row.getString("dialect"), row.getString("client_label")));
	}

	/**
	 * Builds a {@link JdbcTokenStore}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private Clock clock = Clock.systemUTC();

		private Duration queryTimeout = Duration.ofSeconds(2);

		private Builder(DataSource dataSource) {
			this.dataSource = Objects.requireNonNull(dataSource, "dataSource cannot be null");
		}

		/**
		 * The clock {@link #purgeExpired()} reads. Default: {@link Clock#systemUTC()}.
		 *
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock cannot be null");
			return this;
		}

		/**
		 * How long one statement may run before the store counts as unavailable; JDBC counts in whole seconds, at least
		 * one. Default: 2 seconds.
		 *
		 * @param queryTimeout the timeout
		 * @return this builder
		 */
		public Builder queryTimeout(Duration queryTimeout) {
			this.queryTimeout = Durations.requirePositive(queryTimeout, "queryTimeout");
			return this;
		}

		/**
		 * Builds the store.
		 *
		 * @return the store
		 */
		public JdbcTokenStore build() {
			return new JdbcTokenStore(this);
		}

	}

}
