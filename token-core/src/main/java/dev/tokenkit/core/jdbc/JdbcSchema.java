package dev.tokenkit.core.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * Creates the {@code tk_accounts}, {@code tk_tokens}, {@code tk_login_attempts} and
 * {@code tk_login_attempts_in_flight} tables where they are missing, from the schema shipped in this package
 * ({@code schema.sql}, one script for H2 and PostgreSQL). Safe to run at every start-up.
 *
 * @since 0.1.0
 */
public final class JdbcSchema {

	private JdbcSchema() {
	}

	/** The PostgreSQL advisory lock key that serialises schema creation across nodes. */
	private static final long SCHEMA_LOCK = 0x746f6b656e6b6974L;

	/**
	 * Creates the missing tables and indexes, in one transaction (under an advisory lock on PostgreSQL, so that nodes
	 * starting at the same moment take turns).
	 *
	 * @param dataSource the database
	 * @throws IllegalStateException if the database is neither H2 nor PostgreSQL, or the schema cannot be applied
	 */
	public static void createIfMissing(DataSource dataSource) {
		Objects.requireNonNull(dataSource, "dataSource cannot be null");
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			String product = connection.getMetaData().getDatabaseProductName();
			boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
			String script = script(product);
			connection.setAutoCommit(false);
			try {
				if (postgres) {
					// Nodes starting together: concurrent CREATE ... IF NOT EXISTS can collide in PostgreSQL's catalog.
					statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
				}
				for (String sql : script.split(";")) {
					if (!sql.isBlank()) {
						statement.execute(sql);
					}
				}
				connection.commit();
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the tokenkit tables", ex);
		}
	}

	private static String script(String databaseProduct) {
		String name = databaseProduct.toLowerCase(Locale.ROOT);
		String resource = "schema.sql";
		if (!name.contains("postgres") && !name.contains("h2")) {
			throw new IllegalStateException("No tokenkit schema for " + databaseProduct
					+ "; create the tables from dev/tokenkit/core/jdbc/schema.sql by hand");
		}
		try (InputStream in = JdbcSchema.class.getResourceAsStream(resource)) {
			Objects.requireNonNull(in, resource + " is missing from the classpath");
			return withoutComments(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read " + resource, ex);
		}
	}

	private static String withoutComments(String script) {
		return script.lines().filter((line) -> !line.stripLeading().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
	}

}
