package dev.tokenkit.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A token just issued: the only moment its text is known to the server. {@link #toString()} never shows it.
 *
 * @param value the token's text, to be handed to the client
 * @param principal the account the token stands for
 * @param issuedAt when the token was issued
 * @param expiresAt when the token dies if it is never used
 * @since 0.1.0
 */
public record IssuedToken(String value, TokenPrincipal principal, Instant issuedAt, Instant expiresAt) {

	/**
	 * Checks the values.
	 *
	 * @param value the token's text
	 * @param principal the account the token stands for
	 * @param issuedAt when the token was issued
	 * @param expiresAt when the token dies if it is never used
	 */
	public IssuedToken {
		Objects.requireNonNull(value, "value cannot be null");
		Objects.requireNonNull(principal, "principal cannot be null");
		Objects.requireNonNull(issuedAt, "issuedAt cannot be null");
		Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
	}

	/**
	 * Describes the token without its text.
	 *
	 * @return a description that is safe to log
	 */
	@Override
	public String toString() {
		return "IssuedToken[account=" + this.principal.accountId() + ", issuedAt=" + this.issuedAt + ", expiresAt="
				+ this.expiresAt + "]";
	}

}
