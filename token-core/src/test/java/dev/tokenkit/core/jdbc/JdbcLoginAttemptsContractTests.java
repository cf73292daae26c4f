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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
	void purgeEndedThenDeletesOnlyKeysWhoseWindowAndLeaseEnded() {
		JdbcLoginAttempts attempts = (JdbcLoginAttempts) this.attempts;
		attempts.recordFailure("old", Duration.ofMinutes(15));
		this.clock.advance(Duration.ofMinutes(14));
		attempts.admit("in-flight", 3);
		attempts.recordFailure("new", Duration.ofMinutes(15));
		assertThat(attempts.purgeEnded()).isZero();

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(attempts.purgeEnded()).isEqualTo(2);
		assertThat(attempts.admit("new", 1)).isEqualTo(new LoginAttempts.Admission(false, 1));
	}

	@Test
	void admitWhenKeyTooLongThenRefusedBeforeTheDatabase() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.attempts.admit("k".repeat(129), 3))
			.withMessage("key must have 1 to 128 characters");
	}

}
