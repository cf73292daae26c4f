package dev.tokenkit.servlet.http;

/**
 * What a failure may put into a log. An unexpected failure: its type and where it happened, never its message or its
 * causes' messages, which can quote request data (a firewall quoting a header with a password in it, a driver quoting
 * a row). An unavailable store: one line, its driver's connection or timeout message.
 */
public final class RedactedFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private RedactedFailure(Throwable failure, String type) {
		super(type, null, false, true);
		setStackTrace(failure.getStackTrace());
	}

	/**
	 * One line on why a store was unavailable: the type and message of the driver's failure, which a store wraps in a
	 * {@link dev.tokenkit.core.StoreUnavailableException} only for connection failures and timeouts (messages that
	 * name a host, a port or a time, not request data).
	 *
	 * @param unavailable the store's exception
	 * @return its cause's type and message, or its own type if it has no cause
	 */
	public static String causeOf(Throwable unavailable) {
		Throwable cause = (unavailable.getCause() != null) ? unavailable.getCause() : unavailable;
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/**
	 * The failure's type names, outermost first, with the outermost stack trace.
	 *
	 * @param failure what was thrown
	 * @return a failure to log in its place
	 */
	public static RedactedFailure of(Throwable failure) {
		StringBuilder types = new StringBuilder(failure.getClass().getName());
		for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
			types.append(" caused by ").append(cause.getClass().getName());
		}
		return new RedactedFailure(failure, types.toString());
	}

}
