package dev.tokenkit.sample;

import java.util.Objects;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.AccountRepository;
import dev.tokenkit.core.account.StoredAccount;

/**
 * The site's form login over tokenkit's accounts: a username or an email address logs in, with the account's
 * password hash, authorities and enabled flag.
 *
 * @since 0.1.0
 */
public final class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	/**
	 * Creates the service.
	 *
	 * @param accounts the accounts
	 */
	public AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = Objects.requireNonNull(accounts, "accounts cannot be null");
	}

	@Override
	public UserDetails loadUserByUsername(String login) {
		StoredAccount stored = this.accounts.findByLogin(login)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		Account account = stored.account();
		return User.withUsername(account.username())
			.password(stored.passwordHash())
			.authorities(account.authorities().toArray(String[]::new))
			.disabled(!account.enabled())
			.build();
	}

}
