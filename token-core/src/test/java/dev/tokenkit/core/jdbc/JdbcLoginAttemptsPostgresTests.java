package dev.tokenkit.core.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.testing.TestDatabases;

class JdbcLoginAttemptsPostgresTests extends JdbcLoginAttemptsContractTests {

	@Override
	protected HikariDataSource createDataSource() {
		return TestDatabases.postgres();
	}

}
