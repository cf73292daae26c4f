package dev.tokenkit.spring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.context.ApplicationEvent;

import dev.tokenkit.core.TokenEvent;

/**
 * A revocation published to the application context by {@link ApplicationEventTokenListener}: a
 * {@link TokenRevokedEvent} or an {@link AllTokensRevokedEvent}. It names the account and when, never the token.
 *
 * @since 0.1.0
 */
public abstract sealed class TokenRevocationEvent extends ApplicationEvent
		permits TokenRevokedEvent, AllTokensRevokedEvent {

	private static final long serialVersionUID = 1L;

	private final String accountId;

	private final Instant instant;

	TokenRevocationEvent(TokenEvent event, String accountId) {
		super(event, Clock.fixed(event.at(), ZoneOffset.UTC));
		this.accountId = accountId;
		this.instant = event.at();
	}

	/**
	 * The account whose token or tokens were revoked.
	 *
	 * @return the account's id
	 */
	public String getAccountId() {
		return this.accountId;
	}

	/**
	 * When, by the token service's clock.
	 *
	 * @return the instant
	 */
	public Instant getInstant() {
		return this.instant;
	}

}
