package dev.tokenkit.core.testing;

import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.jdbc.JdbcSchema;
import dev.tokenkit.core.jdbc.JdbcTokenStore;

/**
 * A {@link JdbcTokenStore} on a pooled test database ({@link TestDatabases}), its tables created; closing it closes
 * the pool.
 *
 * @param dataSource the database
 * @param store the store
 */
public record TestJdbcStore(HikariDataSource dataSource, JdbcTokenStore store) implements AutoCloseable {

	/** A store on the given database and clock. */
	public static TestJdbcStore on(HikariDataSource dataSource, Clock clock) {
		JdbcSchema.createIfMissing(dataSource);
		return new TestJdbcStore(dataSource, JdbcTokenStore.builder(dataSource).clock(clock).build());
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

}
