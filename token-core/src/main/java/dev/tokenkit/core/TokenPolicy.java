package dev.tokenkit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a token lives: it dies {@code idleTimeout} after its last successful use, and never later than
 * {@code maxLifetime} after it was issued.
 *
 * <p>An account's own policy wins over the default an issuing endpoint passes to
 * {@link TokenService#issue(dev.tokenkit.core.account.Account, TokenPolicy)}.
 *
 * @param idleTimeout how long a token may stay unused, positive
 * @param maxLifetime the absolute cap from issuance, at least {@code idleTimeout}
 * @since 0.1.0
 */
public record TokenPolicy(Duration idleTimeout, Duration maxLifetime) {

	/** The absolute cap {@link #ofIdle(Duration)} applies: 24 hours, or the idle timeout if that is longer. */
	public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);

	/**
	 * Checks both durations.
	 *
	 * @param idleTimeout how long a token may stay unused, positive
	 * @param maxLifetime the absolute cap from issuance, at least {@code idleTimeout}
	 */
	public TokenPolicy {
		Durations.requirePositive(idleTimeout, "idleTimeout");
		Objects.requireNonNull(maxLifetime, "maxLifetime cannot be null");
		if (maxLifetime.compareTo(idleTimeout) < 0) {
			throw new IllegalArgumentException("maxLifetime cannot be shorter than idleTimeout");
		}
	}

	/**
	 * A policy with the given idle timeout and the {@link #DEFAULT_MAX_LIFETIME default absolute cap}.
	 *
	 * @param idleTimeout how long a token may stay unused
	 * @return the policy
	 */
	public static TokenPolicy ofIdle(Duration idleTimeout) {
		Objects.requireNonNull(idleTimeout, "idleTimeout cannot be null");
		Duration maxLifetime = (idleTimeout.compareTo(DEFAULT_MAX_LIFETIME) > 0) ? idleTimeout : DEFAULT_MAX_LIFETIME;
		return new TokenPolicy(idleTimeout, maxLifetime);
	}

}
