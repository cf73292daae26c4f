package dev.tokenkit.core.account;

/**
 * Credentials were refused. The message is the same whichever part was wrong (unknown login, wrong password, wrong
 * api key, disabled account), so that a client cannot learn which accounts exist.
 *
 * @since 0.1.0
 */
public final class InvalidCredentialsException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The message every refused login gets. */
	public static final String MESSAGE = "Invalid credentials";

	/** Creates the exception with the fixed {@link #MESSAGE}. */
	public InvalidCredentialsException() {
		super(MESSAGE, null, false, false);
	}

}
