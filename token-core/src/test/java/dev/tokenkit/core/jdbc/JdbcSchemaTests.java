package dev.tokenkit.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcSchemaTests {

	@Test
	void createIfMissingWhenEmptyH2ThenBothTablesExist() throws SQLException {
		try (HikariDataSource dataSource = TestDatabases.h2()) {
			JdbcSchema.createIfMissing(dataSource);
			JdbcSchema.createIfMissing(dataSource);
			try (Connection connection = dataSource.getConnection()) {
				assertThat(connection.getMetaData().getTables(null, null, "TK_TOKENS", null).next()).isTrue();
				assertThat(connection.getMetaData().getTables(null, null, "TK_ACCOUNTS", null).next()).isTrue();
			}
		}
	}

}
