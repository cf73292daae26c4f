package dev.tokenkit.core.throttle;

import java.time.Duration;

/**
 * Counts, per key (a login, a client address), the failed attempts within a window and the attempts still in flight,
 * where every node that shares the store sees them, so that a login throttle on several nodes grants an attacker the
 * attempts of one. Each method is one atomic step on its key; implementations are thread-safe and may throw
 * {@link dev.tokenkit.core.StoreUnavailableException}.
 *
 * <p>A failure window starts at the first failure of a key and ends after the window; the next failure starts a new
 * one. An attempt in flight is named by the caller (a random id, the same for every key of one login attempt), and
 * ends by that name with {@link #recordFailure} or {@link #release}; so a release can be sent again, or after an
 * admission whose answer was lost, without ending another attempt. An attempt whose end never arrives (its node died)
 * stops counting {@link #LEASE} after its admission.
 *
 * <p>Every implementation passes the contract tests shipped in token-core's test jar.
 *
 * @since 0.1.0
 */
public interface LoginAttempts {

	/** How long after its admission an attempt in flight stops counting if it has not ended. */
	Duration LEASE = Duration.ofMinutes(1);

	/**
	 * Counts the attempt in flight for the key if the key's failures in the current window plus its attempts in flight
	 * stay within the limit with this one counted.
	 *
	 * @param key the key, 1 to 128 characters
	 * @param attempt the attempt's id, 1 to 64 characters, new for each admission on a key
	 * @param limit how many failures and attempts in flight the key may have together
	 * @return whether the attempt was admitted, and the key's failures in the current window
	 * @throws IllegalArgumentException if the key or the id is empty or too long
	 */
	Admission admit(String key, String attempt, int limit);

	/**
	 * Counts a failure of the key, starting a window if none is running, and ends the attempt if it is in flight.
	 *
	 * @param key the key
	 * @param attempt the attempt's id
	 * @param window how long a window that starts now lasts
	 */
	void recordFailure(String key, String attempt, Duration window);

	/**
	 * Ends the attempt if it is in flight for the key; does nothing otherwise.
	 *
	 * @param key the key
	 * @param attempt the attempt's id
	 */
	void release(String key, String attempt);

	/**
	 * The answer of {@link #admit}.
	 *
	 * @param admitted whether the attempt now counts as in flight
	 * @param failures the key's failures in the current window
	 */
	record Admission(boolean admitted, int failures) {
	}

}
