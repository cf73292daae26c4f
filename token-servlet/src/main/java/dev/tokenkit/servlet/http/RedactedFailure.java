package dev.tokenkit.servlet.http;

/**
 * What an unexpected failure may put into a log: its type and where it happened, never its message or its causes'
 * messages, which can quote request data (a firewall quoting a header with a password in it, a driver quoting a row).
 */
public final class RedactedFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private RedactedFailure(Throwable failure, String type) {
		super(type, null, false, true);
		setStackTrace(failure.getStackTrace());
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
