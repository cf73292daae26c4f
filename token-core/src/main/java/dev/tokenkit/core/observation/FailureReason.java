package dev.tokenkit.core.observation;

import java.util.Locale;

import dev.tokenkit.core.InvalidTokenException;

/**
 * Why an observed operation failed: a closed set, so that it can be a metric tag. It never says more than the
 * server's logs may know, and a client never learns it.
 *
 * @since 0.1.0
 */
public enum FailureReason {

	/** A secure request without a token. */
	MISSING_TOKEN,

	/** A request that breaks the protocol: a token or parameter sent twice, a bad body, an unsupported format. */
	INVALID_REQUEST,

	/** Not a token this service could have issued: wrong length, prefix, characters or checksum. */
	MALFORMED,

	/** Well-formed, but not known to the store: never issued, revoked, or expired and purged. */
	UNKNOWN,

	/** A signed token whose signature, key, algorithm or claims do not verify. */
	BAD_SIGNATURE,

	/** Past its idle timeout or its absolute lifetime. */
	EXPIRED,

	/** A signed token revoked before its expiry. */
	REVOKED,

	/** A secure request that needs an {@code api_key} and has none. */
	MISSING_API_KEY,

	/** An {@code api_key} that is not the token's account's. */
	BAD_API_KEY,

	/** Credentials that do not match an account, or none where the dialect asks for them. */
	BAD_CREDENTIALS,

	/** A login refused by the login throttle. */
	THROTTLED,

	/** The token store, or the accounts behind the issuer, cannot be reached. */
	STORE_UNAVAILABLE,

	/** An unexpected failure: a bug or a fault that is none of the above. */
	ERROR;

	private final String tag = name().toLowerCase(Locale.ROOT);

	/**
	 * The reason as a metric tag value, the constant's name in lower case: {@code bad_api_key}.
	 *
	 * @return the tag value
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * The reason for a refused token.
	 *
	 * @param reason why the token service refused it
	 * @return the matching reason
	 */
	public static FailureReason of(InvalidTokenException.Reason reason) {
		return switch (reason) {
			case MALFORMED -> MALFORMED;
			case UNKNOWN -> UNKNOWN;
			case EXPIRED -> EXPIRED;
			case BAD_SIGNATURE -> BAD_SIGNATURE;
			case REVOKED -> REVOKED;
		};
	}

}
