package dev.tokenkit.core.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import dev.tokenkit.core.TokenPrincipal;

/**
 * What a store keeps for one live token. All instants are kept to the millisecond, the precision every store has.
 *
 * @param hash the token's hash, the store's key
 * @param principal the account the token stands for, as it was at issuance
 * @param issuedAt when the token was issued
 * @param lastUsedAt the last use the store knows of (it may lag the real last use by up to the touch interval)
 * @param idleTimeout how long the token may stay unused
 * @param expiresAt the absolute end of the token's life
 * @since 0.1.0
 */
public record TokenRecord(TokenHash hash, TokenPrincipal principal, Instant issuedAt, Instant lastUsedAt,
		Duration idleTimeout, Instant expiresAt) {

	/**
	 * Checks the values and truncates the instants to milliseconds.
	 *
	 * @param hash the token's hash
	 * @param principal the account the token stands for
	 * @param issuedAt when the token was issued
	 * @param lastUsedAt the last use the store knows of
	 * @param idleTimeout how long the token may stay unused
	 * @param expiresAt the absolute end of the token's life
	 */
	public TokenRecord {
		Objects.requireNonNull(hash, "hash cannot be null");
		Objects.requireNonNull(principal, "principal cannot be null");
		issuedAt = Objects.requireNonNull(issuedAt, "issuedAt cannot be null").truncatedTo(ChronoUnit.MILLIS);
		lastUsedAt = Objects.requireNonNull(lastUsedAt, "lastUsedAt cannot be null").truncatedTo(ChronoUnit.MILLIS);
		idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout cannot be null").truncatedTo(ChronoUnit.MILLIS);
		expiresAt = Objects.requireNonNull(expiresAt, "expiresAt cannot be null").truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * When the token dies unless it is used first: its last use plus its idle timeout, capped by its absolute expiry.
	 *
	 * @return the deadline
	 */
	public Instant deadline() {
		Instant idleDeadline = this.lastUsedAt.plus(this.idleTimeout);
		return idleDeadline.isBefore(this.expiresAt) ? idleDeadline : this.expiresAt;
	}

	/**
	 * Whether the token is alive at the given instant.
	 *
	 * @param now the instant to check
	 * @return {@code true} if {@code now} is before the {@link #deadline()}
	 */
	public boolean isAliveAt(Instant now) {
		return now.isBefore(deadline());
	}

	/**
	 * This record with a later last use.
	 *
	 * @param usedAt the new last use
	 * @return the updated record
	 */
	public TokenRecord withLastUsedAt(Instant usedAt) {
		return new TokenRecord(this.hash, this.principal, this.issuedAt, usedAt, this.idleTimeout, this.expiresAt);
	}

}
