package dev.tokenkit.core;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The account a valid token stands for, as it was when the token was issued.
 *
 * @param accountId the account's id
 * @param username the account's username, also the {@link #getName() principal name}
 * @param authorities the account's authorities (for example {@code ROLE_USER}), unmodifiable
 * @since 0.1.0
 */
public record TokenPrincipal(String accountId, String username, Set<String> authorities) implements Principal {

	/**
	 * Checks and copies the values.
	 *
	 * @param accountId the account's id
	 * @param username the account's username
	 * @param authorities the account's authorities
	 */
	public TokenPrincipal {
		Objects.requireNonNull(accountId, "accountId cannot be null");
		Objects.requireNonNull(username, "username cannot be null");
		authorities = Set.copyOf(authorities);
	}

	/**
	 * The username.
	 *
	 * @return the username
	 */
	@Override
	public String getName() {
		return this.username;
	}

}
