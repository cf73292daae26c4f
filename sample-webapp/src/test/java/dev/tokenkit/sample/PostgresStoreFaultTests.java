package dev.tokenkit.sample;

import java.time.Duration;
import java.util.Map;

import dev.tokenkit.core.testing.PrivatePostgres;

/**
 * {@link StoreFaultTests} with accounts and tokens in a private PostgreSQL, a cluster the test makes with
 * {@code initdb} and runs on its own port: issuing needs the accounts, so it fails with the store; tokens issued before
 * a stop are served again after it. Mandatory in CI.
 */
class PostgresStoreFaultTests extends StoreFaultTests {

	private PrivatePostgres postgres;

	@Override
	String store() {
		return "postgresql";
	}

	@Override
	int startServer() {
		this.postgres = PrivatePostgres.create();
		return this.postgres.port();
	}

	@Override
	void stopServer() {
		this.postgres.stop();
	}

	@Override
	void startServerAgain() {
		this.postgres.start();
	}

	@Override
	void closeServer() {
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Override
	Map<String, Object> settings(int port) {
		return Map.of("spring.profiles.active", "postgres", "tokenkit.store.type", "jdbc", "spring.datasource.url",
				this.postgres.jdbcUrl(port));
	}

	/**
	 * The sample's socket timeout for pgjdbc: the store timeout in whole seconds, rounded up, plus one. Statement
	 * timeouts (whole seconds) fire first when the server answers the cancel; a server that does not is left by the
	 * socket timeout.
	 */
	@Override
	Duration longestWait() {
		return Duration.ofSeconds(2);
	}

	@Override
	boolean keepsTokensWhenStopped() {
		return true;
	}

}
