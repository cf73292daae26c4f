package dev.tokenkit.core.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: a private in-memory H2 database, always there, and the PostgreSQL server named by
 * {@code TOKENKIT_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}).
 *
 * <p>Without a PostgreSQL server the PostgreSQL tests are skipped with a printed reason, unless
 * {@code TOKENKIT_REQUIRE_POSTGRES=true} (set by {@code .ci/run}) makes them mandatory: then they fail.
 */
public final class TestDatabases {

	public static final String POSTGRES_URL_VARIABLE = "TOKENKIT_TEST_POSTGRES_URL";

	public static final String REQUIRE_POSTGRES_VARIABLE = "TOKENKIT_REQUIRE_POSTGRES";

	private static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

	private static volatile String postgresSkipReason;

	private TestDatabases() {
	}

	/** A new, empty H2 database in memory, pooled; close it after the test. */
	public static HikariDataSource h2() {
		return pool("jdbc:h2:mem:tokenkit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}

	/**
	 * The PostgreSQL test database with the tokenkit tables dropped, pooled; close it after the test. Skips the calling
	 * test, with a reason printed once, when there is no server and PostgreSQL is not required.
	 */
	public static HikariDataSource postgres() {
		String url = System.getenv().getOrDefault(POSTGRES_URL_VARIABLE, DEFAULT_POSTGRES_URL);
		if (postgresSkipReason != null) {
			Assumptions.abort(postgresSkipReason);
		}
		try {
			HikariDataSource dataSource = pool(url);
			execute(dataSource, "DROP TABLE IF EXISTS tk_tokens", "DROP TABLE IF EXISTS tk_accounts",
					"DROP TABLE IF EXISTS tk_login_attempts", "DROP TABLE IF EXISTS tk_login_attempts_in_flight");
			return dataSource;
		}
		catch (RuntimeException ex) {
			if (Boolean.parseBoolean(System.getenv(REQUIRE_POSTGRES_VARIABLE))) {
				throw new IllegalStateException(REQUIRE_POSTGRES_VARIABLE + " is set but PostgreSQL at " + url
						+ " cannot be reached", ex);
			}
			postgresSkipReason = "Skipping PostgreSQL tests: no server at " + url + " (" + ex.getMessage()
					+ "). Set " + REQUIRE_POSTGRES_VARIABLE + "=true to make them mandatory.";
			System.err.println(postgresSkipReason);
			return Assumptions.abort(postgresSkipReason);
		}
	}

	public static void execute(DataSource dataSource, String... statements) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HikariDataSource pool(String url) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setMaximumPoolSize(8);
		config.setConnectionTimeout(2_000);
		config.setInitializationFailTimeout(2_000);
		return new HikariDataSource(config);
	}

}
