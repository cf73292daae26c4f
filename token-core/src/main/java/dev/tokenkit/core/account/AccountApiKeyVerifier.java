package dev.tokenkit.core.account;

import java.util.Objects;

import dev.tokenkit.core.TokenPrincipal;

/**
 * An {@link ApiKeyVerifier} that looks the principal's account up in an {@link AccountRepository} by its username and
 * compares the key's hash with the stored one in constant time. The account found must be the principal's: the same
 * id, or, for principals that know the account only by name (logins checked by a Spring Security
 * {@code AuthenticationManager}), named by the principal's account id.
 *
 * @since 0.1.0
 */
public final class AccountApiKeyVerifier implements ApiKeyVerifier {

	private final AccountRepository accounts;

	/**
	 * Creates the verifier.
	 *
	 * @param accounts where the accounts and their api-key hashes are kept
	 */
	public AccountApiKeyVerifier(AccountRepository accounts) {
		this.accounts = Objects.requireNonNull(accounts, "accounts cannot be null");
	}

	@Override
	public boolean belongsTo(String apiKey, TokenPrincipal principal) {
		return this.accounts.findByLogin(principal.username())
			.filter((stored) -> stored.account().id().equals(principal.accountId())
					|| stored.account().isNamedBy(principal.accountId()))
			.map((stored) -> stored.hasApiKey(apiKey))
			.orElse(false);
	}

}
