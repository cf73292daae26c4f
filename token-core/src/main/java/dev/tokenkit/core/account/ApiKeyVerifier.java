package dev.tokenkit.core.account;

import dev.tokenkit.core.TokenPrincipal;

/**
 * Checks that an api key sent with a secure request belongs to the token's account, as GlobalGiving's secure calls
 * require ({@code ?api_key=KEY&api_token=TOKEN}).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ApiKeyVerifier {

	/**
	 * Whether the api key belongs to the principal's account.
	 *
	 * @param apiKey the api key as sent
	 * @param principal the token's principal
	 * @return {@code true} if it does
	 * @throws dev.tokenkit.core.StoreUnavailableException if the accounts cannot be reached
	 */
	boolean belongsTo(String apiKey, TokenPrincipal principal);

}
