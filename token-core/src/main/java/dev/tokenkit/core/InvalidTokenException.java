package dev.tokenkit.core;

import java.util.Objects;

/**
 * A presented token cannot be used. The message is fixed and safe to show to a client; {@link #reason()} is for logs
 * and metrics only, so that a client never learns why its token failed.
 *
 * <p>Thrown on a hot path for untrusted input, so it carries no stack trace.
 *
 * @since 0.1.0
 */
public final class InvalidTokenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The message every invalid token gets. */
	public static final String MESSAGE = "The access token is invalid or has expired";

	/** Why a token was refused. */
	public enum Reason {

		/** Not a token this service could have issued: wrong length, prefix, characters or checksum. */
		MALFORMED,

		/** Well-formed, but not known to the store: never issued, revoked, or expired and already purged. */
		UNKNOWN,

		/** Past its idle timeout or its absolute lifetime. */
		EXPIRED,

		/** A signed token whose signature, key, algorithm or claims do not verify. */
		BAD_SIGNATURE,

		/** A signed token revoked before its expiry. */
		REVOKED

	}

	private final Reason reason;

	/**
	 * Creates the exception.
	 *
	 * @param reason why the token was refused
	 */
	public InvalidTokenException(Reason reason) {
		super(MESSAGE, null, false, false);
		this.reason = Objects.requireNonNull(reason, "reason cannot be null");
	}

	/**
	 * Why the token was refused, for logs and metrics only.
	 *
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

}
