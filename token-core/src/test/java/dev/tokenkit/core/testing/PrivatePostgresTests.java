package dev.tokenkit.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The private PostgreSQL fixture: a server of the test's own on loopback that keeps its data over a stop and a start
 * on the same port, and leaves nothing behind. One server for the class, as its users make one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivatePostgresTests {

	private PrivatePostgres postgres;

	@BeforeAll
	void create() {
		this.postgres = PrivatePostgres.create();
	}

	@AfterAll
	void close() {
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void createWhenStartedThenListensOnLoopbackOnItsOwnPort() throws SQLException {
		assertThat(this.postgres.port()).isNotEqualTo(5432);
		assertThat(this.postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + this.postgres.port()
				+ "/postgres?user=postgres");
		assertThat(query("SHOW listen_addresses")).isEqualTo("127.0.0.1");
		assertThat(query("SHOW fsync")).isEqualTo("off");
	}

	@Test
	void stopWhenStartedAgainThenTheDataIsStillThereOnTheSamePort() throws SQLException {
		int port = this.postgres.port();
		execute("CREATE TABLE IF NOT EXISTS kept (value text)", "INSERT INTO kept VALUES ('before the stop')");

		this.postgres.stop();
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> query("SELECT 1"));
		this.postgres.start();

		assertThat(this.postgres.port()).isEqualTo(port);
		assertThat(query("SELECT value FROM kept")).isEqualTo("before the stop");
	}

	@Test
	void restartWhenConnectedThenTheSessionEndsAndANewOneIsServed() throws SQLException {
		try (Connection connection = connect()) {
			this.postgres.restart();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> select(connection, "SELECT 1"));
		}
		assertThat(query("SELECT 1")).isEqualTo("1");
	}

	@Test
	void closeWhenDoneThenTheServerAndItsDirectoryAreGone() throws Exception {
		PrivatePostgres other = PrivatePostgres.create();
		String socketDirectory;
		try (Connection connection = DriverManager.getConnection(other.jdbcUrl())) {
			socketDirectory = select(connection, "SHOW unix_socket_directories");
		}
		other.close();

		assertThat(Path.of(socketDirectory)).doesNotExist();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), other.port()).close());
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.postgres.jdbcUrl());
	}

	private String query(String sql) throws SQLException {
		try (Connection connection = connect()) {
			return select(connection, sql);
		}
	}

	private static String select(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private void execute(String... statements) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
