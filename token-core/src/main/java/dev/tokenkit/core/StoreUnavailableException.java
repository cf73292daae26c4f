package dev.tokenkit.core;

/**
 * A token or account store could not be reached, or did not answer in time. Callers fail closed: they refuse the
 * request with a retryable error (HTTP {@code 503}) and never let it through.
 *
 * <p>The message is fixed and safe to show; the cause carries the detail for the log.
 *
 * @since 0.1.0
 */
public final class StoreUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The message every unavailable store gets. */
	public static final String MESSAGE = "The token service is temporarily unavailable";

	/**
	 * Creates the exception.
	 *
	 * @param cause what the store's driver reported
	 */
	public StoreUnavailableException(Throwable cause) {
		super(MESSAGE, cause);
	}

}
