package dev.tokenkit.core;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a token, for audit logs and metrics. Carries no token text and no token hash.
 *
 * @param type what happened
 * @param accountId the account concerned, or {@code null} when the token could not be tied to one
 * @param at when it happened
 * @param reason why a token was rejected, or {@code null} for other events
 * @since 0.1.0
 */
public record TokenEvent(Type type, @Nullable String accountId, Instant at,
		InvalidTokenException.@Nullable Reason reason) {

	/**
	 * Checks the values.
	 *
	 * @param type what happened
	 * @param accountId the account concerned, or {@code null}
	 * @param at when it happened
	 * @param reason why a token was rejected, or {@code null}
	 */
	public TokenEvent {
		Objects.requireNonNull(type, "type cannot be null");
		Objects.requireNonNull(at, "at cannot be null");
	}

	/** What happened to a token. */
	public enum Type {

		/** A token was issued. */
		ISSUED,

		/** A presented token was refused; {@link TokenEvent#reason()} says why. */
		REJECTED,

		/** A token was revoked before its expiry: a logout, or the app revoking it. */
		REVOKED,

		/** Every token of an account was revoked, for example after a password change; the account is set. */
		ALL_REVOKED,

		/** A token was dropped to keep its account within the per-account cap, as a newer one was issued. */
		DROPPED,

		/**
		 * A presented token was found past its idle timeout or absolute lifetime and removed. Tokens that expire unseen
		 * are dropped by the store without an event.
		 */
		EXPIRED

	}

}
