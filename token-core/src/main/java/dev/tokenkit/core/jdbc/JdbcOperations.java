package dev.tokenkit.core.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.tokenkit.core.StoreUnavailableException;

/**
 * The few JDBC moves both JDBC classes make: run one statement with a query timeout, and turn every
 * {@link SQLException} into a {@link StoreUnavailableException}, so that callers fail closed.
 */
final class JdbcOperations {

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

	private final DataSource dataSource;

	private final int queryTimeoutSeconds;

	JdbcOperations(DataSource dataSource, Duration queryTimeout) {
		this.dataSource = dataSource;
		this.queryTimeoutSeconds = (int) Math.max(1, queryTimeout.toSeconds());
	}

	int update(String sql, Binder binder) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = prepare(connection, sql, binder)) {
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new StoreUnavailableException(ex);
		}
	}

	<T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = prepare(connection, sql, binder);
				ResultSet rows = statement.executeQuery()) {
			List<T> result = new ArrayList<>();
			while (rows.next()) {
				result.add(mapper.map(rows));
			}
			return result;
		}
		catch (SQLException ex) {
			throw new StoreUnavailableException(ex);
		}
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
