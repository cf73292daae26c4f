package dev.tokenkit.jwt;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.jdbc.JdbcSchema;
import dev.tokenkit.core.jdbc.JdbcTokenStore;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;

/** The JWT service's tests with its revocations in a JDBC store, run on each database by a subclass. */
abstract class JwtTokenServiceJdbcTests extends JwtTokenServiceTests {

	private HikariDataSource dataSource;

	/** A pooled data source on an empty database. */
	protected abstract HikariDataSource createDataSource();

	@Override
	protected TokenStore createStore(MutableClock clock) {
		this.dataSource = createDataSource();
		JdbcSchema.createIfMissing(this.dataSource);
		return JdbcTokenStore.builder(this.dataSource).clock(clock).build();
	}

	@AfterEach
	void closeDataSource() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

}
