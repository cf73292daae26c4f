package dev.tokenkit.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.tokenkit.core.LiveToken;
import dev.tokenkit.core.TokenOrigin;
import dev.tokenkit.core.TokenPrincipal;

/**
 * What a store keeps for one live token: an immutable value. All instants are kept to the millisecond, the precision
 * every store has, as epoch milliseconds, so that a check reads plain numbers and a million records stay small; the
 * {@link Instant} and {@link Duration} accessors are for everything else.
 *
 * @param hash the token's hash, the store's key
 * @param principal the account the token stands for, as it was at issuance
 * @param issuedAtMillis when the token was issued, in epoch milliseconds
 * @param lastUsedAtMillis the last use the store knows of, in epoch milliseconds (it may lag the real last use by up
 *     to the touch interval)
 * @param idleTimeoutMillis how long the token may stay unused, in milliseconds
 * @param expiresAtMillis the absolute end of the token's life, in epoch milliseconds
 * @param origin the dialect that issued the token and the client's label, for its owner's list
 * @since 0.1.0
 */
public record TokenRecord(TokenHash hash, TokenPrincipal principal, long issuedAtMillis, long lastUsedAtMillis,
		long idleTimeoutMillis, long expiresAtMillis, TokenOrigin origin) {

	/**
	 * Checks the values.
	 *
	 * @param hash the token's hash
	 * @param principal the account the token stands for
	 * @param issuedAtMillis when the token was issued
	 * @param lastUsedAtMillis the last use the store knows of
	 * @param idleTimeoutMillis how long the token may stay unused
	 * @param expiresAtMillis the absolute end of the token's life
	 * @param origin where the token was issued
	 */
	public TokenRecord {
		Objects.requireNonNull(hash, "hash cannot be null");
		Objects.requireNonNull(principal, "principal cannot be null");
		Objects.requireNonNull(origin, "origin cannot be null");
	}

	/**
	 * Checks the values and truncates the instants to milliseconds.
	 *
	 * @param hash the token's hash, the store's key
	 * @param principal the account the token stands for, as it was at issuance
	 * @param issuedAt when the token was issued
	 * @param lastUsedAt the last use the store knows of (it may lag the real last use by up to the touch interval)
	 * @param idleTimeout how long the token may stay unused
	 * @param expiresAt the absolute end of the token's life
	 * @param origin where the token was issued
	 */
	public TokenRecord(TokenHash hash, TokenPrincipal principal, Instant issuedAt, Instant lastUsedAt,
			Duration idleTimeout, Instant expiresAt, TokenOrigin origin) {
		this(hash, principal, Objects.requireNonNull(issuedAt, "issuedAt cannot be null").toEpochMilli(),
				Objects.requireNonNull(lastUsedAt, "lastUsedAt cannot be null").toEpochMilli(),
				Objects.requireNonNull(idleTimeout, "idleTimeout cannot be null").toMillis(),
				Objects.requireNonNull(expiresAt, "expiresAt cannot be null").toEpochMilli(), origin);
	}

	/**
	 * Checks the values and truncates the instants to milliseconds, for a token of {@linkplain TokenOrigin#UNKNOWN
	 * unknown origin}.
	 *
	 * @param hash the token's hash, the store's key
	 * @param principal the account the token stands for, as it was at issuance
	 * @param issuedAt when the token was issued
	 * @param lastUsedAt the last use the store knows of (it may lag the real last use by up to the touch interval)
	 * @param idleTimeout how long the token may stay unused
	 * @param expiresAt the absolute end of the token's life
	 */
	public TokenRecord(TokenHash hash, TokenPrincipal principal, Instant issuedAt, Instant lastUsedAt,
			Duration idleTimeout, Instant expiresAt) {
		this(hash, principal, issuedAt, lastUsedAt, idleTimeout, expiresAt, TokenOrigin.UNKNOWN);
	}

	/**
	 * When the token was issued.
	 *
	 * @return the instant, to the millisecond
	 */
	public Instant issuedAt() {
		return Instant.ofEpochMilli(this.issuedAtMillis);
	}

	/**
	 * The last use the store knows of; it may lag the real last use by up to the touch interval.
	 *
	 * @return the instant, to the millisecond
	 */
	public Instant lastUsedAt() {
		return Instant.ofEpochMilli(this.lastUsedAtMillis);
	}

	/**
	 * How long the token may stay unused.
	 *
	 * @return the idle timeout, to the millisecond
	 */
	public Duration idleTimeout() {
		return Duration.ofMillis(this.idleTimeoutMillis);
	}

	/**
	 * The absolute end of the token's life.
	 *
	 * @return the instant, to the millisecond
	 */
	public Instant expiresAt() {
		return Instant.ofEpochMilli(this.expiresAtMillis);
	}

	/**
	 * When the token dies unless it is used first: its last use plus its idle timeout, capped by its absolute expiry.
	 *
	 * @return the deadline
	 */
	public Instant deadline() {
		return Instant.ofEpochMilli(deadlineMillis());
	}

	/**
	 * {@link #deadline()} in epoch milliseconds.
	 *
	 * @return the deadline
	 */
	public long deadlineMillis() {
		long idleDeadline = this.lastUsedAtMillis + this.idleTimeoutMillis;
		// An idle timeout so long that the sum overflows never ends before the absolute expiry.
		return (idleDeadline < this.lastUsedAtMillis) ? this.expiresAtMillis : Math.min(idleDeadline, this.expiresAtMillis);
	}

	/**
	 * Whether the token is alive at the given instant.
	 *
	 * @param now the instant to check
	 * @return {@code true} if {@code now} is before the {@link #deadline()}
	 */
	public boolean isAliveAt(Instant now) {
		return isAliveAt(now.toEpochMilli());
	}

	/**
	 * Whether the token is alive at the given moment.
	 *
	 * @param nowMillis the moment, in epoch milliseconds
	 * @return {@code true} if it is before the {@link #deadline()}
	 */
	public boolean isAliveAt(long nowMillis) {
		return nowMillis < deadlineMillis();
	}

	/**
	 * This record with a later last use.
	 *
	 * @param usedAt the new last use
	 * @return the updated record
	 */
	public TokenRecord withLastUsedAt(Instant usedAt) {
		return new TokenRecord(this.hash, this.principal, this.issuedAtMillis, usedAt.toEpochMilli(),
				this.idleTimeoutMillis, this.expiresAtMillis, this.origin);
	}

	/** This record with an equal principal: a store's shared copy. */
	TokenRecord withPrincipal(TokenPrincipal equalPrincipal) {
		return new TokenRecord(this.hash, equalPrincipal, this.issuedAtMillis, this.lastUsedAtMillis,
				this.idleTimeoutMillis, this.expiresAtMillis, this.origin);
	}

	/**
	 * The token as its owner may see it in a list: its handle, times and origin.
	 *
	 * @return the live token
	 */
	public LiveToken toLiveToken() {
		return new LiveToken(this.hash.handle(), issuedAt(), lastUsedAt(),
				Instant.ofEpochMilli(deadlineMillis()), expiresAt(), this.origin);
	}

	@Override
	public String toString() {
		return "TokenRecord[hash=" + this.hash + ", principal=" + this.principal + ", issuedAt=" + issuedAt()
				+ ", lastUsedAt=" + lastUsedAt() + ", idleTimeout=" + idleTimeout() + ", expiresAt=" + expiresAt() + ", origin="
				+ this.origin + "]";
	}

}
