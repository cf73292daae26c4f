package dev.tokenkit.core.throttle;

import java.time.Duration;

/**
 * Counts, per key (a login, a client address), the failed attempts within a window and the attempts still in flight,
 * where every node that shares the store sees them, so that a login throttle on several nodes grants an attacker the
 * attempts of one. Each method is one atomic step on its key; implementations are thread-safe and may throw
 * {@link dev.tokenkit.core.StoreUnavailableException}.
 *
 * <p>A failure window starts at the first failure of a key and ends after the window; the next failure starts a new
 * one. An attempt in flight ends with {@link #recordFailure} or {@link #release}; one whose node died before either
 * stops counting {@link #LEASE} after the key's latest admission, so a dead node cannot hold a key at its limit.
 *
 * <p>Every implementation passes the contract tests shipped in token-core's test jar.
 *
 * @since 0.1.0
 */
public interface LoginAttempts {

	/** How long after a key's latest admission its attempts in flight stop counting if none of them ended. */
	Duration LEASE = Duration.ofMinutes(1);

	/**
	 * Takes one attempt in flight for the key if its failures in the current window plus its attempts in flight stay
	 * within the limit with this one counted.
	 *
	 * @param key the key
	 * @param limit how many failures and attempts in flight the key may have together
	 * @return whether the attempt was admitted, and the key's failures in the current window
	 */
	Admission admit(String key, int limit);

	/**
	 * Counts a failure of the key, starting a window if none is running, and ends one of its attempts in flight.
	 *
	 * @param key the key
	 * @param window how long a window that starts now lasts
	 */
	void recordFailure(String key, Duration window);

	/**
	 * Ends one attempt in flight of the key that did not fail.
	 *
	 * @param key the key
	 */
	void release(String key);

	/**
	 * The answer of {@link #admit}.
	 *
	 * @param admitted whether the attempt now counts as in flight
	 * @param failures the key's failures in the current window
	 */
	record Admission(boolean admitted, int failures) {
	}

}
