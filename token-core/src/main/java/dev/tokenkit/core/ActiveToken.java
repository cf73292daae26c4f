package dev.tokenkit.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A live token as {@link TokenService#inspect(String)} describes it: whom it stands for, when it was issued and when it
 * dies if it is not used again (for an opaque token, the earlier of its idle expiry and its absolute deadline; for a
 * JWT, its {@code exp}). It holds nothing of the token's text.
 *
 * @param principal the account the token stands for
 * @param issuedAt when the token was issued
 * @param expiresAt when the token dies unless it is used again
 * @since 0.1.0
 */
public record ActiveToken(TokenPrincipal principal, Instant issuedAt, Instant expiresAt) {

	/**
	 * Checks the values.
	 *
	 * @param principal the account the token stands for
	 * @param issuedAt when the token was issued
	 * @param expiresAt when the token dies unless it is used again
	 */
	public ActiveToken {
		Objects.requireNonNull(principal, "principal cannot be null");
		Objects.requireNonNull(issuedAt, "issuedAt cannot be null");
		Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
	}

}
