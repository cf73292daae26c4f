package dev.tokenkit.core.jdbc;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.testing.TestJdbcStore;
import dev.tokenkit.core.throttle.LoginAttempts;
import dev.tokenkit.core.throttle.LoginAttemptsContractTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The login-attempts contract plus what only the JDBC counts do, run on each database by a subclass. */
abstract class JdbcLoginAttemptsContractTests extends LoginAttemptsContractTests {

	private TestJdbcStore jdbc;

	/** A pooled data source on an empty database. */
	protected abstract HikariDataSource createDataSource();

	@Override
	protected LoginAttempts createAttempts(MutableClock clock) {
		this.jdbc = TestJdbcStore.on(createDataSource(), clock);
		return this.jdbc.store().loginAttempts();
	}

	@AfterEach
	void closeDataSource() {
		if (this.jdbc != null) {
			this.jdbc.close();
		}
	}

	@Test
	void purgeEndedThenDeletesOnlyEndedWindowsAndLapsedAttempts() {
		JdbcLoginAttempts attempts = (JdbcLoginAttempts) this.attempts;
		attempts.recordFailure("old", "a1", Duration.ofMinutes(15));
		this.clock.advance(Duration.ofMinutes(14));
		attempts.admit("in-flight", "a2", 3);
		attempts.recordFailure("new", "a3", Duration.ofMinutes(15));
		assertThat(attempts.purgeEnded()).as("the in-flight key's row has no window").isOne();

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(attempts.purgeEnded()).as("old's window and a2's lease").isEqualTo(2);
		assertThat(attempts.admit("new", "a4", 1)).isEqualTo(new LoginAttempts.Admission(false, 1));
	}

}
