package dev.tokenkit.core.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.testing.TestDatabases;

class JdbcAccountRepositoryH2Tests extends JdbcAccountRepositoryContractTests {

	@Override
	protected HikariDataSource createDataSource() {
		return TestDatabases.h2();
	}

}
