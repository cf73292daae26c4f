package dev.tokenkit.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One of an account's live tokens as its owner may see it: never the token, nor its hash, but a handle that names it
 * for a revocation ({@link TokenService#revokeByHandle(String, String)}).
 *
 * @param handle the token's handle: 16 characters of base64url, derived one-way from the token's hash
 * @param issuedAt when it was issued
 * @param lastUsedAt the last use the store knows of (it may lag the real one by up to the touch interval)
 * @param idleExpiresAt when it dies unless it is used first
 * @param expiresAt when it dies however it is used
 * @param origin the dialect that issued it and the client's label
 * @since 0.1.0
 */
public record LiveToken(String handle, Instant issuedAt, Instant lastUsedAt, Instant idleExpiresAt, Instant expiresAt,
		TokenOrigin origin) {

	/**
	 * Checks the values.
	 *
	 * @param handle the token's handle
	 * @param issuedAt when it was issued
	 * @param lastUsedAt the last use the store knows of
	 * @param idleExpiresAt when it dies unless used
	 * @param expiresAt when it dies however it is used
	 * @param origin where it was issued
	 */
	public LiveToken {
		Objects.requireNonNull(handle, "handle cannot be null");
		Objects.requireNonNull(issuedAt, "issuedAt cannot be null");
		Objects.requireNonNull(lastUsedAt, "lastUsedAt cannot be null");
		Objects.requireNonNull(idleExpiresAt, "idleExpiresAt cannot be null");
		Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
		Objects.requireNonNull(origin, "origin cannot be null");
	}

}
