package dev.tokenkit.servlet.error;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The {@code WWW-Authenticate} challenge of an error, without its realm: the one writer of answers adds the realm it
 * was given, so that the realm is set in one place. Rendered as {@code SCHEME realm="..."}, then
 * {@code , error="..."} and {@code , error_description="..."} where present (RFC 6750 section 3).
 *
 * @param scheme the authentication scheme, for example {@code Bearer}
 * @param error the error code named in the challenge, or {@code null}
 * @param description a fixed description of the error, or {@code null}
 * @since 0.1.0
 */
public record Challenge(String scheme, @Nullable String error, @Nullable String description) {

	/**
	 * Checks the parts.
	 *
	 * @param scheme the authentication scheme
	 * @param error the error code, or {@code null}
	 * @param description the description, or {@code null}
	 */
	public Challenge {
		Objects.requireNonNull(scheme, "scheme cannot be null");
	}

	/**
	 * A challenge that names only the scheme.
	 *
	 * @param scheme the authentication scheme
	 * @return the challenge
	 */
	public static Challenge of(String scheme) {
		return new Challenge(scheme, null, null);
	}

	/**
	 * Checks a realm before it is written into a quoted string.
	 *
	 * @param realm the realm: 1 to 64 letters, digits, spaces, {@code .}, {@code _} or {@code -}
	 * @return the realm
	 * @throws IllegalArgumentException if the realm holds any other character
	 */
	public static String requireValidRealm(String realm) {
		Objects.requireNonNull(realm, "realm cannot be null");
		if (!realm.matches("[A-Za-z0-9 ._-]{1,64}")) {
			throw new IllegalArgumentException("realm must be 1 to 64 letters, digits, spaces, '.', '_' or '-'");
		}
		return realm;
	}

	/**
	 * The header value for a realm.
	 *
	 * @param realm the realm, already checked to hold no quote or backslash
	 * @return the {@code WWW-Authenticate} value
	 */
	public String render(String realm) {
		StringBuilder value = new StringBuilder(this.scheme).append(" realm=\"").append(realm).append('"');
		if (this.error != null) {
			value.append(", error=\"").append(this.error).append('"');
		}
		if (this.description != null) {
			value.append(", error_description=\"").append(this.description).append('"');
		}
		return value.toString();
	}

}
