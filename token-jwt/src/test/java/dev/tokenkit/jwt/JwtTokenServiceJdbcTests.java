package dev.tokenkit.jwt;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.testing.TestJdbcStore;
import org.junit.jupiter.api.AfterEach;

/** The JWT service's tests with its revocations in a JDBC store, run on each database by a subclass. */
abstract class JwtTokenServiceJdbcTests extends JwtTokenServiceTests {

	private TestJdbcStore jdbc;

	/** A pooled data source on an empty database. */
	protected abstract HikariDataSource createDataSource();

	@Override
	protected TokenStore createStore(MutableClock clock) {
		this.jdbc = TestJdbcStore.on(createDataSource(), clock);
		return this.jdbc.store();
	}

	@AfterEach
	void closeStore() {
		if (this.jdbc != null) {
			this.jdbc.close();
		}
	}

}
