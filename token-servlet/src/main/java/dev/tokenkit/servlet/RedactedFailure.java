package dev.tokenkit.servlet;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What a failure may put into a log: its type, its causes' types and where it happened, never a message, which can
 * quote request data (a firewall quoting a header with a password in it, a driver quoting a row or an account). The
 * messages stay available to a debugger, not to a log line.
 *
 * @since 0.1.0
 */
final class RedactedFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private RedactedFailure(Throwable failure, String types) {
		super(types, null, false, true);
		setStackTrace(failure.getStackTrace());
	}

	/**
	 * The failure's type names, outermost first, with the outermost stack trace.
	 *
	 * @param failure what was thrown
	 * @return a failure to log in its place
	 */
	public static RedactedFailure of(Throwable failure) {
		return new RedactedFailure(failure, types(failure));
	}

	/**
	 * The type names of a failure and its causes, outermost first ({@code A caused by B}), each once even if the
	 * causes form a cycle.
	 *
	 * @param failure what was thrown
	 * @return the type names
	 */
	public static String types(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		StringBuilder types = new StringBuilder();
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			types.append((types.length() > 0) ? " caused by " : "").append(cause.getClass().getName());
		}
		return types.toString();
	}

}
