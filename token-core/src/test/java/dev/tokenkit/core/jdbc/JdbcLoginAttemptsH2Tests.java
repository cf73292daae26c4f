package dev.tokenkit.core.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.testing.TestDatabases;

class JdbcLoginAttemptsH2Tests extends JdbcLoginAttemptsContractTests {

	@Override
	protected HikariDataSource createDataSource() {
		return TestDatabases.h2();
	}

}
