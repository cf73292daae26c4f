package dev.tokenkit.servlet;

/**
 * Slows down guessing: delays, and then refuses, login attempts after too many recent failures for the same login or
 * from the same client address. Off unless configured ({@link #disabled()}).
 *
 * @since 0.1.0
 */
public interface LoginThrottle {

	/**
	 * Delays an attempt that is near the limit, and refuses one that is over it.
	 *
	 * @param login the login as sent
	 * @param clientAddress the client's address
	 * @throws dev.tokenkit.servlet.error.TokenKitHttpException {@code 429} with {@code Retry-After} when throttled
	 */
	void check(String login, String clientAddress);

	/**
	 * Counts a failed attempt that was {@linkplain #check checked}; this also ends the attempt, as
	 * {@link #release} does for one that did not fail.
	 *
	 * @param login the login as sent
	 * @param clientAddress the client's address
	 */
	void recordFailure(String login, String clientAddress);

	/**
	 * Ends a checked attempt that did not fail (it issued a token, or the store was unavailable). A throttle that
	 * counts attempts in flight stops counting it; by default nothing happens.
	 *
	 * @param login the login as sent
	 * @param clientAddress the client's address
	 */
	default void release(String login, String clientAddress) {
	}

	/**
	 * A throttle that never refuses, the default.
	 *
	 * @return the no-op throttle
	 */
	static LoginThrottle disabled() {
		return new LoginThrottle() {

			@Override
			public void check(String login, String clientAddress) {
			}

			@Override
			public void recordFailure(String login, String clientAddress) {
			}

		};
	}

}
