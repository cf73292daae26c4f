package dev.tokenkit.spring;

import dev.tokenkit.core.TokenEvent;

/**
 * One token was revoked before its expiry: a logout ({@code DELETE} on an issuing path), or the app calling
 * {@code TokenService.revoke}.
 *
 * @since 0.1.0
 */
public final class TokenRevokedEvent extends TokenRevocationEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the event.
	 *
	 * @param event the token service's event
	 * @param accountId the account
	 */
	public TokenRevokedEvent(TokenEvent event, String accountId) {
		super(event, accountId);
	}

}
