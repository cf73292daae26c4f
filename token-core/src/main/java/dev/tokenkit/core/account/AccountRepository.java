package dev.tokenkit.core.account;

import java.util.Optional;

/**
 * Where accounts and their secrets are kept.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AccountRepository {

	/**
	 * Finds the account a login names: the account with that exact username, else the account with that email address
	 * in any case.
	 *
	 * @param login a username or an email address, as sent
	 * @return the account with its secrets, or empty if no account has that login
	 * @throws dev.tokenkit.core.StoreUnavailableException if the repository cannot be reached
	 */
	Optional<StoredAccount> findByLogin(String login);

}
