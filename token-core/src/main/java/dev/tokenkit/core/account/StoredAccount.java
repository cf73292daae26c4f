package dev.tokenkit.core.account;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An account with the secrets an {@link AccountRepository} keeps for it: a password hash and an api-key hash.
 * {@link #toString()} shows neither.
 *
 * @param account the account
 * @param passwordHash the password hash in {@code {id}hash} form (for example {@code {bcrypt}$2a$10$...})
 * @param apiKeyHash the api key's {@link ApiKeys#hash(String) hash}, or {@code null} when the account has no api key
 * @since 0.1.0
 */
public record StoredAccount(Account account, String passwordHash, @Nullable String apiKeyHash) {

	/**
	 * Checks the values.
	 *
	 * @param account the account
	 * @param passwordHash the password hash
	 * @param apiKeyHash the api key's hash, or {@code null}
	 */
	public StoredAccount {
		Objects.requireNonNull(account, "account cannot be null");
		Objects.requireNonNull(passwordHash, "passwordHash cannot be null");
		if (apiKeyHash != null && !apiKeyHash.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("apiKeyHash must be a lower-case hex SHA-256; use ApiKeys.hash(apiKey)");
		}
	}

	/**
	 * Whether the given api key, as sent, is this account's, compared in constant time.
	 *
	 * @param apiKey the api key in clear
	 * @return {@code true} if the account has an api key and it matches
	 */
	public boolean hasApiKey(String apiKey) {
		return this.apiKeyHash != null && ApiKeys.matches(apiKey, this.apiKeyHash);
	}

	/**
	 * Describes the account without its secrets.
	 *
	 * @return a description that is safe to log
	 */
	@Override
	public String toString() {
		return "StoredAccount[account=" + this.account + ", passwordHash=[PROTECTED], apiKeyHash=[PROTECTED]]";
	}

}
