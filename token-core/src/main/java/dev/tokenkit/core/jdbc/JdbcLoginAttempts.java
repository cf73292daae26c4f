package dev.tokenkit.core.jdbc;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.throttle.LoginAttempts;

/**
 * {@link LoginAttempts} in the database, for a login throttle shared by every node on it: a key's failures and the end
 * of their window in {@code tk_login_attempts}, its attempts in flight as rows of
 * {@code tk_login_attempts_in_flight}, each with the end of its lease. An admission is one short transaction that
 * locks the key's row ({@code SELECT ... FOR UPDATE}; a missing row is inserted first), drops the key's lapsed
 * attempts, counts, and inserts the attempt if the limit allows; a failure is another, which counts it and deletes the
 * attempt's row; an attempt that did not fail ends with the {@code DELETE} of its row. Ended windows and lapsed
 * attempts are deleted by {@link #purgeEnded()}. Made by {@link JdbcTokenStore#loginAttempts()}, on the store's
 * database, clock and query timeout.
 *
 * @since 0.1.0
 */
public final class JdbcLoginAttempts implements LoginAttempts {

	private static final int MAX_KEY_LENGTH = 128;

	private static final int MAX_ATTEMPT_LENGTH = 64;

	private static final String LOCK = "SELECT CASE WHEN window_ends > ? THEN failures ELSE 0 END "
			+ "FROM tk_login_attempts WHERE throttle_key = ? FOR UPDATE";

	private static final String DROP_LAPSED = "DELETE FROM tk_login_attempts_in_flight "
			+ "WHERE throttle_key = ? AND lease_ends <= ?";

	private static final String COUNT_IN_FLIGHT = "SELECT COUNT(*) FROM tk_login_attempts_in_flight "
			+ "WHERE throttle_key = ?";

	private static final String ADD_IN_FLIGHT = "INSERT INTO tk_login_attempts_in_flight "
			+ "(throttle_key, attempt_id, lease_ends) VALUES (?, ?, ?)";

	private static final String END_IN_FLIGHT = "DELETE FROM tk_login_attempts_in_flight "
			+ "WHERE throttle_key = ? AND attempt_id = ?";

	private static final String RECORD_FAILURE = "UPDATE tk_login_attempts SET "
			+ "failures = CASE WHEN window_ends > ? THEN failures + 1 ELSE 1 END, "
			+ "window_ends = CASE WHEN window_ends > ? THEN window_ends ELSE ? END WHERE throttle_key = ?";

	private static final String LOCK_ONLY = "SELECT failures FROM tk_login_attempts WHERE throttle_key = ? FOR UPDATE";

	private static final String INSERT = "INSERT INTO tk_login_attempts (throttle_key, failures, window_ends) "
			+ "VALUES (?, ?, ?)";

	private final JdbcStatements jdbc;

	private final Clock clock;

	JdbcLoginAttempts(JdbcStatements jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Admission admit(String key, String attempt, int limit) {
		check(key, attempt);
		for (;;) {
			long now = this.clock.millis();
			@Nullable Admission admission = this.jdbc
				.inTransaction((transaction) -> admit(transaction, key, attempt, limit, now));
			if (admission != null) {
				return admission;
			}
			insert(key, 0, now);
		}
	}

	/** The admission, or {@code null} when the key has no row yet. */
	private static @Nullable Admission admit(JdbcStatements.Transaction transaction, String key, String attempt,
			int limit, long now) throws SQLException {
		List<Integer> locked = transaction.query(LOCK, (statement) -> {
			statement.setLong(1, now);
			statement.setString(2, key);
		}, (row) -> row.getInt(1));
		if (locked.isEmpty()) {
			return null;
		}
		int failures = locked.get(0);
		transaction.update(DROP_LAPSED, (statement) -> {
			statement.setString(1, key);
			statement.setLong(2, now);
		});
		long inFlight = transaction.query(COUNT_IN_FLIGHT, (statement) -> statement.setString(1, key),
				(row) -> row.getLong(1)).get(0);
		if (failures + inFlight >= limit) {
			return new Admission(false, failures);
		}
		transaction.update(ADD_IN_FLIGHT, (statement) -> {
			statement.setString(1, key);
			statement.setString(2, attempt);
			statement.setLong(3, now + LEASE.toMillis());
		});
		return new Admission(true, failures);
	}

	/** Counts the failure and ends the attempt in one transaction, under the key's row lock. */
	@Override
	public void recordFailure(String key, String attempt, Duration window) {
		check(key, attempt);
		for (;;) {
			long now = this.clock.millis();
			boolean recorded = this.jdbc.inTransaction((transaction) -> {
				if (transaction.query(LOCK_ONLY, (statement) -> statement.setString(1, key), (row) -> 1).isEmpty()) {
					return false;
				}
				transaction.update(RECORD_FAILURE, (statement) -> {
					statement.setLong(1, now);
					statement.setLong(2, now);
					statement.setLong(3, now + window.toMillis());
					statement.setString(4, key);
				});
				transaction.update(END_IN_FLIGHT, (statement) -> {
					statement.setString(1, key);
					statement.setString(2, attempt);
				});
				return true;
			});
			if (recorded) {
				return;
			}
			insert(key, 0, now);
		}
	}

	@Override
	public void release(String key, String attempt) {
		check(key, attempt);
		this.jdbc.update(END_IN_FLIGHT, (statement) -> {
			statement.setString(1, key);
			statement.setString(2, attempt);
		});
	}

	/**
	 * Deletes the failure counts whose window has ended and the attempts in flight whose lease has.
	 *
	 * @return how many rows were deleted
	 */
	public int purgeEnded() {
		long now = this.clock.millis();
		return this.jdbc.update("DELETE FROM tk_login_attempts WHERE window_ends <= ?",
				(statement) -> statement.setLong(1, now))
				+ this.jdbc.update("DELETE FROM tk_login_attempts_in_flight WHERE lease_ends <= ?",
						(statement) -> statement.setLong(1, now));
	}

	private boolean insert(String key, int failures, long windowEnds) {
		return this.jdbc.insertIfAbsent(INSERT, (statement) -> {
			statement.setString(1, key);
			statement.setInt(2, failures);
			statement.setLong(3, windowEnds);
		});
	}

	private static void check(String key, String attempt) {
		checkLength(key, "key", MAX_KEY_LENGTH);
		checkLength(attempt, "attempt", MAX_ATTEMPT_LENGTH);
	}

	private static void checkLength(String value, String name, int max) {
		Objects.requireNonNull(value, name + " cannot be null");
		if (value.isEmpty() || value.length() > max) {
			throw new IllegalArgumentException(name + " must have 1 to " + max + " characters");
		}
	}

}
