package dev.tokenkit.jwt;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.testing.TestDatabases;

class JwtTokenServiceH2Tests extends JwtTokenServiceJdbcTests {

	@Override
	protected HikariDataSource createDataSource() {
		return TestDatabases.h2();
	}

}
