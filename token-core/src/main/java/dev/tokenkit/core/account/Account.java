package dev.tokenkit.core.account;

import java.util.Objects;
import java.util.Set;

import dev.tokenkit.core.TokenPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A user of the API, as tokens see it: who it is, what it may do, and how long its tokens live.
 *
 * @param id the account's stable id
 * @param username the username, unique
 * @param email the email address, unique, or {@code null}
 * @param authorities what the account may do (for example {@code ROLE_USER}); no commas or white space
 * @param enabled whether the account may log in and use its tokens
 * @param policy the account's own token policy, or {@code null} to use the issuing endpoint's default
 * @since 0.1.0
 */
public record Account(String id, String username, @Nullable String email, Set<String> authorities, boolean enabled,
		@Nullable TokenPolicy policy) {

	/**
	 * Checks and copies the values.
	 *
	 * @param id the account's stable id
	 * @param username the username
	 * @param email the email address, or {@code null}
	 * @param authorities what the account may do
	 * @param enabled whether the account may log in
	 * @param policy the account's own token policy, or {@code null}
	 */
	public Account {
		requireText(id, "id");
		requireText(username, "username");
		authorities = Set.copyOf(authorities);
		for (String authority : authorities) {
			if (authority.isEmpty() || authority.chars().anyMatch((c) -> c == ',' || Character.isWhitespace(c))) {
				throw new IllegalArgumentException("authorities must be non-empty and hold no commas or white space");
			}
		}
	}

	/**
	 * Whether the given login (a username, or an email address in any case) names this account.
	 *
	 * @param login the login as sent
	 * @return {@code true} if it names this account
	 */
	public boolean isNamedBy(String login) {
		return this.username.equals(login) || (this.email != null && this.email.equalsIgnoreCase(login));
	}

	/**
	 * The policy of a token issued to this account now: its own, else the endpoint's default. Token services call it
	 * before issuing.
	 *
	 * @param defaultPolicy the issuing endpoint's default
	 * @return the policy
	 * @throws IllegalArgumentException if the account is disabled: it gets no token
	 */
	public TokenPolicy tokenPolicy(TokenPolicy defaultPolicy) {
		Objects.requireNonNull(defaultPolicy, "defaultPolicy cannot be null");
		if (!this.enabled) {
			throw new IllegalArgumentException("Cannot issue a token for a disabled account");
		}
		return (this.policy != null) ? this.policy : defaultPolicy;
	}

	private static void requireText(String value, String name) {
		Objects.requireNonNull(value, name + " cannot be null");
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " cannot be blank");
		}
	}

}
