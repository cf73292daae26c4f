package dev.tokenkit.core.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.testing.TestDatabases;

class JdbcTokenStoreH2Tests extends JdbcTokenStoreContractTests {

	@Override
	protected HikariDataSource createDataSource() {
		return TestDatabases.h2();
	}

}
