package dev.tokenkit.core.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.store.TokenHash;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JdbcStatementsTests {

	/**
	 * A transaction runs at READ COMMITTED whatever the pool's default (at REPEATABLE READ, a count after a row lock
	 * would miss the lock holder's rows), and hands the connection back as it found it.
	 */
	@Test
	void inTransactionWhenThePoolDefaultIsRepeatableReadThenReadCommittedAndPutBack() throws SQLException {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:isolation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		try (Connection connection = h2.getConnection()) {
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			DataSource one = new SingleConnection(connection);
			JdbcStatements statements = new JdbcStatements(one, Duration.ofSeconds(1));
			String inside = statements.inTransaction((transaction) -> transaction.query(
					"SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()",
					(statement) -> {
					}, (row) -> row.getString(1)).get(0));
			assertThat(inside).isEqualTo("READ COMMITTED");
			assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
			assertThat(connection.getAutoCommit()).isTrue();
		}
	}

	@Test
	void queryWhenServerUnreachableThenStoreUnavailable() {
		PGSimpleDataSource unreachable = new PGSimpleDataSource();
		unreachable.setServerNames(new String[] { "127.0.0.1" });
		unreachable.setPortNumbers(new int[] { 1 });
		unreachable.setDatabaseName("test");
		unreachable.setConnectTimeout(1);
		JdbcStatements statements = new JdbcStatements(unreachable, Duration.ofSeconds(1));
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> statements.query("SELECT 1", (statement) -> {
			}, (row) -> row.getInt(1)))
			.withMessage(StoreUnavailableException.MESSAGE)
			.satisfies((ex) -> assertThat(ex.getCause()).isNotNull());
		JdbcTokenStore store = JdbcTokenStore.builder(unreachable).build();
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> store.find(TokenHash.of("x")));
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> store.removeAll("acct-1"));
	}

	/** One open connection lent again and again; closing a loan leaves it open. */
	private record SingleConnection(Connection connection) implements DataSource {

		@Override
		public Connection getConnection() {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> method.getName().equals("close")
							? null : method.invoke(this.connection, args));
		}

		@Override
		public Connection getConnection(String username, String password) {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

	}

}
