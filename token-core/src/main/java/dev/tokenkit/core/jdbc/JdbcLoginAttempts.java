package dev.tokenkit.core.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.tokenkit.core.throttle.LoginAttempts;

/**
 * {@link LoginAttempts} in the {@code tk_login_attempts} table, one row per key, for a login throttle shared by every
 * node on the database. Each step is one {@code UPDATE} of the key's row, which the database runs atomically under
 * the row's lock (a row that is missing is inserted first); admitting an attempt reads the failures after it, for the
 * throttle's delay. Rows whose window and lease have both ended are deleted by {@link #purgeEnded()}. Made by
 * {@link JdbcTokenStore#loginAttempts()}, on the store's database, clock and query timeout.
 *
 * @since 0.1.0
 */
public final class JdbcLoginAttempts implements LoginAttempts {

	private static final int MAX_KEY_LENGTH = 128;

	private static final String ADMIT = "UPDATE tk_login_attempts SET "
			+ "in_flight = CASE WHEN lease_ends > ? THEN in_flight + 1 ELSE 1 END, lease_ends = ? "
			+ "WHERE throttle_key = ? AND (CASE WHEN window_ends > ? THEN failures ELSE 0 END) "
			+ "+ (CASE WHEN lease_ends > ? THEN in_flight ELSE 0 END) < ?";

	private static final String FAILURES = "SELECT CASE WHEN window_ends > ? THEN failures ELSE 0 END "
			+ "FROM tk_login_attempts WHERE throttle_key = ?";

	private static final String RECORD_FAILURE = "UPDATE tk_login_attempts SET "
			+ "failures = CASE WHEN window_ends > ? THEN failures + 1 ELSE 1 END, "
			+ "window_ends = CASE WHEN window_ends > ? THEN window_ends ELSE ? END, "
			+ "in_flight = CASE WHEN lease_ends > ? AND in_flight > 0 THEN in_flight - 1 ELSE 0 END "
			+ "WHERE throttle_key = ?";

	private static final String RELEASE = "UPDATE tk_login_attempts SET "
			+ "in_flight = CASE WHEN lease_ends > ? AND in_flight > 0 THEN in_flight - 1 ELSE 0 END "
			+ "WHERE throttle_key = ?";

	private static final String INSERT = "INSERT INTO tk_login_attempts "
			+ "(throttle_key, failures, window_ends, in_flight, lease_ends) VALUES (?, ?, ?, ?, ?)";

	private final JdbcStatements jdbc;

	private final Clock clock;

	JdbcLoginAttempts(JdbcStatements jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Takes the attempt with one {@code UPDATE} whose condition is the limit; when no row changed, the key's row is
	 * over the limit or missing, and a missing one is inserted holding this attempt (or, if another node inserted it
	 * first, the update is tried again).
	 */
	@Override
	public Admission admit(String key, int limit) {
		checkKey(key);
		for (;;) {
			long now = this.clock.millis();
			int admitted = this.jdbc.update(ADMIT, (statement) -> {
				statement.setLong(1, now);
				statement.setLong(2, now + LEASE.toMillis());
				statement.setString(3, key);
				statement.setLong(4, now);
				statement.setLong(5, now);
				statement.setInt(6, limit);
			});
			List<Integer> failures = failures(key, now);
			int count = failures.isEmpty() ? 0 : failures.get(0);
			if (admitted == 1) {
				return new Admission(true, count);
			}
			if (!failures.isEmpty() || limit < 1) {
				return new Admission(false, count);
			}
			if (insert(key, 0, now, 1, now + LEASE.toMillis())) {
				return new Admission(true, 0);
			}
		}
	}

	@Override
	public void recordFailure(String key, Duration window) {
		checkKey(key);
		long now = this.clock.millis();
		long windowEnds = now + window.toMillis();
		int updated = this.jdbc.update(RECORD_FAILURE, (statement) -> {
			statement.setLong(1, now);
			statement.setLong(2, now);
			statement.setLong(3, windowEnds);
			statement.setLong(4, now);
			statement.setString(5, key);
		});
		if (updated == 0 && !insert(key, 1, windowEnds, 0, now)) {
			recordFailure(key, window);
		}
	}

	@Override
	public void release(String key) {
		checkKey(key);
		long now = this.clock.millis();
		this.jdbc.update(RELEASE, (statement) -> {
			statement.setLong(1, now);
			statement.setString(2, key);
		});
	}

	/**
	 * Deletes the rows of keys whose failure window and attempts in flight have both ended.
	 *
	 * @return how many rows were deleted
	 */
	public int purgeEnded() {
		long now = this.clock.millis();
		return this.jdbc.update("DELETE FROM tk_login_attempts WHERE window_ends <= ? AND lease_ends <= ?",
				(statement) -> {
					statement.setLong(1, now);
					statement.setLong(2, now);
				});
	}

	private List<Integer> failures(String key, long now) {
		return this.jdbc.query(FAILURES, (statement) -> {
			statement.setLong(1, now);
			statement.setString(2, key);
		}, (row) -> row.getInt(1));
	}

	private boolean insert(String key, int failures, long windowEnds, int inFlight, long leaseEnds) {
		return this.jdbc.insertIfAbsent(INSERT, (statement) -> {
			statement.setString(1, key);
			statement.setInt(2, failures);
			statement.setLong(3, windowEnds);
			statement.setInt(4, inFlight);
			statement.setLong(5, leaseEnds);
		});
	}

	private static void checkKey(String key) {
		Objects.requireNonNull(key, "key cannot be null");
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
			throw new IllegalArgumentException("key must have 1 to " + MAX_KEY_LENGTH + " characters");
		}
	}

}
