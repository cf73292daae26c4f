package dev.tokenkit.core.account;

/**
 * Turns credentials into the account they prove, or refuses them.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Authenticator {

	/**
	 * Checks credentials.
	 *
	 * @param credentials what the client sent
	 * @return the account the credentials prove
	 * @throws InvalidCredentialsException if the login is unknown, the password or api key is wrong, or the account is
	 * disabled; which of these it was is never told
	 * @throws dev.tokenkit.core.StoreUnavailableException if the accounts cannot be reached
	 */
	Account authenticate(Credentials credentials);

}
