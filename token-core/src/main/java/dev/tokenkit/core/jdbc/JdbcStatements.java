package dev.tokenkit.core.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.tokenkit.core.StoreUnavailableException;

/**
 * The few JDBC moves the JDBC classes make: run one statement with a query timeout, run a few in one transaction, and
 * sort failures. A failure to
 * reach the database or to finish in time becomes a {@link StoreUnavailableException}, so that callers fail closed
 * with a retryable error; any other failure (a constraint violation, a missing table) is a fault that retrying will
 * not fix, and becomes an {@link IllegalStateException} naming only the SQL state, since driver messages can quote
 * the values of the failing row.
 */
final class JdbcStatements {

	/** Sets the parameters of a prepared statement. */
	@FunctionalInterface
	interface Binder {

		void bind(PreparedStatement statement) throws SQLException;

	}

	/** Reads one row. */
	@FunctionalInterface
	interface RowMapper<T> {

		T map(ResultSet row) throws SQLException;

	}

	/** Statements run on one connection, in one transaction. */
	@FunctionalInterface
	interface Work<T> {

		T run(Transaction transaction) throws SQLException;

	}

	/** The statements of one transaction, each with the query timeout. */
	final class Transaction {

		private final Connection connection;

		private Transaction(Connection connection) {
			this.connection = connection;
		}

		int update(String sql, Binder binder) throws SQLException {
			try (PreparedStatement statement = prepare(this.connection, sql, binder)) {
				return statement.executeUpdate();
			}
		}

		<T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
			try (PreparedStatement statement = prepare(this.connection, sql, binder);
					ResultSet rows = statement.executeQuery()) {
				return rows(rows, mapper);
			}
		}

	}

	private static final String UNIQUE_VIOLATION = "23505";

	private final DataSource dataSource;

	private final int queryTimeoutSeconds;

	JdbcStatements(DataSource dataSource, Duration queryTimeout) {
		this.dataSource = dataSource;
		// JDBC query timeouts are whole seconds: round up, so that a statement is never cut shorter than asked.
		this.queryTimeoutSeconds = (int) Math.max(1, queryTimeout.plusNanos(999_999_999).toSeconds());
	}

	int update(String sql, Binder binder) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = prepare(connection, sql, binder)) {
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw translate(ex);
		}
	}

	/**
	 * Runs an {@code INSERT}; a unique-key violation (SQL state 23505, in H2 and PostgreSQL alike) means the row was
	 * there already.
	 *
	 * @return whether the row was inserted
	 */
	boolean insertIfAbsent(String sql, Binder binder) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = prepare(connection, sql, binder)) {
			return statement.executeUpdate() == 1;
		}
		catch (SQLException ex) {
			if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
				return false;
			}
			throw translate(ex);
		}
	}

	<T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = prepare(connection, sql, binder);
				ResultSet rows = statement.executeQuery()) {
			return rows(rows, mapper);
		}
		catch (SQLException ex) {
			throw translate(ex);
		}
	}

	/**
	 * Runs the work in one transaction at {@code READ COMMITTED} (so that a row locked with {@code FOR UPDATE} is read
	 * as the lock holder committed it, whatever the pool's default): committed if it returns, rolled back if it
	 * throws. The connection's isolation and auto-commit are put back as they were.
	 */
	<T> T inTransaction(Work<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			int isolation = connection.getTransactionIsolation();
			connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			connection.setAutoCommit(false);
			try {
				T result = work.run(new Transaction(connection));
				connection.commit();
				return result;
			}
			catch (SQLException | RuntimeException ex) {
				rollback(connection, ex);
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
				connection.setTransactionIsolation(isolation);
			}
		}
		catch (SQLException ex) {
			throw translate(ex);
		}
	}

	/** Rolls back; a failure to do so is added to the failure that caused it, which stays the one thrown. */
	private static void rollback(Connection connection, Exception cause) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			cause.addSuppressed(ex);
		}
	}

	private static <T> List<T> rows(ResultSet rows, RowMapper<T> mapper) throws SQLException {
		List<T> result = new ArrayList<>();
		while (rows.next()) {
			result.add(mapper.map(rows));
		}
		return result;
	}

	private static RuntimeException translate(SQLException ex) {
		if (isUnavailable(ex)) {
			return new StoreUnavailableException(ex);
		}
		return new IllegalStateException("A tokenkit SQL statement failed with SQL state " + ex.getSQLState()
				+ " and error code " + ex.getErrorCode());
	}

	/**
	 * Connection failures (SQL state class 08), resource shortages (53), operator intervention and cancelled or timed
	 * out statements (57, HYT), transaction rollbacks such as deadlocks (40), and what JDBC itself calls transient or
	 * recoverable.
	 */
	private static boolean isUnavailable(SQLException ex) {
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		return ex instanceof SQLTransientException || ex instanceof SQLRecoverableException
				|| ex instanceof SQLNonTransientConnectionException || state.startsWith("08") || state.startsWith("53")
				|| state.startsWith("57") || state.startsWith("40") || state.startsWith("HYT");
	}

	private PreparedStatement prepare(Connection connection, String sql, Binder binder) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		try {
			statement.setQueryTimeout(this.queryTimeoutSeconds);
			binder.bind(statement);
			return statement;
		}
		catch (SQLException ex) {
			statement.close();
			throw ex;
		}
	}

}
