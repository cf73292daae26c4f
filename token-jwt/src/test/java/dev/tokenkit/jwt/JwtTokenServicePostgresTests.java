package dev.tokenkit.jwt;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.testing.TestDatabases;

class JwtTokenServicePostgresTests extends JwtTokenServiceJdbcTests {

	@Override
	protected HikariDataSource createDataSource() {
		return TestDatabases.postgres();
	}

}
