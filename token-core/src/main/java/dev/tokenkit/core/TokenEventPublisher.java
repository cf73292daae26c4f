package dev.tokenkit.core;

import java.time.Clock;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands token events to a {@link TokenListener} for a token service, stamped with the service's clock. A listener that
 * throws is logged and ignored, so that audit code can never fail a token request.
 *
 * @since 0.1.0
 */
public final class TokenEventPublisher {

	private static final Logger logger = LoggerFactory.getLogger(TokenEventPublisher.class);

	private final TokenListener listener;

	private final Clock clock;

	/**
	 * Creates the publisher.
	 *
	 * @param listener the listener
	 * @param clock the clock that stamps events
	 */
	public TokenEventPublisher(TokenListener listener, Clock clock) {
		this.listener = Objects.requireNonNull(listener, "listener cannot be null");
		this.clock = Objects.requireNonNull(clock, "clock cannot be null");
	}

	/**
	 * Publishes an event.
	 *
	 * @param type what happened
	 * @param accountId the account concerned, or {@code null}
	 * @param reason why a token was rejected, or {@code null}
	 */
	public void publish(TokenEvent.Type type, @Nullable String accountId, InvalidTokenException.@Nullable Reason reason) {
		try {
			this.listener.onEvent(new TokenEvent(type, accountId, this.clock.instant(), reason));
		}
		catch (RuntimeException ex) {
			logger.warn("A token listener failed on a {} event", type, ex);
		}
	}

	/**
	 * Publishes the revocation of one token, if one was revoked.
	 *
	 * @param accountId the revoked token's account, or {@code null} when no token was revoked
	 * @return whether a token was revoked
	 */
	public boolean revoked(@Nullable String accountId) {
		if (accountId == null) {
			return false;
		}
		publish(TokenEvent.Type.REVOKED, accountId, null);
		return true;
	}

}
