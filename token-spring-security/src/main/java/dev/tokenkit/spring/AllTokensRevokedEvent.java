package dev.tokenkit.spring;

import dev.tokenkit.core.TokenEvent;

/**
 * Every token of an account was revoked ({@code TokenService.revokeAll}), for example after a password change.
 *
 * @since 0.1.0
 */
public final class AllTokensRevokedEvent extends TokenRevocationEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the event.
	 *
	 * @param event the token service's event
	 * @param accountId the account
	 */
	public AllTokensRevokedEvent(TokenEvent event, String accountId) {
		super(event, accountId);
	}

}
