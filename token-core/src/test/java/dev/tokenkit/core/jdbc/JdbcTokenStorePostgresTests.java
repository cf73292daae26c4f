package dev.tokenkit.core.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.testing.TestDatabases;

class JdbcTokenStorePostgresTests extends JdbcTokenStoreContractTests {

	@Override
	protected HikariDataSource createDataSource() {
		return TestDatabases.postgres();
	}

}
