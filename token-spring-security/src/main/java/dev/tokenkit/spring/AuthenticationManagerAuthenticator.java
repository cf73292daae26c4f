package dev.tokenkit.spring;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.account.Authenticator;
import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.core.account.InvalidCredentialsException;

/**
 * Checks tokenkit credentials with the app's own {@link AuthenticationManager}, so that its user store (JDBC, LDAP, a
 * {@code UserDetailsService} with a {@code PasswordEncoder}, anything) stays the one source of truth. The login and
 * password go in as a {@link UsernamePasswordAuthenticationToken}; the account that comes out is named after the
 * result's name and carries its authorities, except Spring Security's factor authorities ({@code FACTOR_PASSWORD} and
 * the like): a token proves it was issued, not that its bearer typed a password. The manager publishes its own success
 * and failure events.
 *
 * <p>An api key (GlobalGiving) is checked after the password, with the {@link ApiKeyVerifier}; without one, any
 * credentials carrying an api key are refused. A wrong api key is published as a failure event, after the manager's
 * own success event for the password. An empty password is refused. A failure of the user store itself
 * ({@link AuthenticationServiceException}) is a {@link StoreUnavailableException}, answered {@code 503}.
 *
 * @since 0.1.0
 */
public final class AuthenticationManagerAuthenticator implements Authenticator {

	/** Spring Security's authentication-factor authorities, which say how a login was made, not what a token may do. */
	private static final String FACTOR_PREFIX = "FACTOR_";

	private final AuthenticationManager authenticationManager;

	private final @Nullable ApiKeyVerifier apiKeyVerifier;

	private final AuthenticationEventPublisher eventPublisher;

	/**
	 * Creates the authenticator.
	 *
	 * @param authenticationManager the app's authentication manager
	 * @param apiKeyVerifier checks api keys, or {@code null} to refuse every api key
	 * @param eventPublisher publishes the failure of a login whose password the manager accepted but whose api key is
	 * wrong
	 */
	public AuthenticationManagerAuthenticator(AuthenticationManager authenticationManager,
			@Nullable ApiKeyVerifier apiKeyVerifier, AuthenticationEventPublisher eventPublisher) {
		this.authenticationManager = Objects.requireNonNull(authenticationManager,
				"authenticationManager cannot be null");
		this.apiKeyVerifier = apiKeyVerifier;
		this.eventPublisher = Objects.requireNonNull(eventPublisher, "eventPublisher cannot be null");
	}

	@Override
	public Account authenticate(Credentials credentials) {
		Authentication result;
		try {
			result = this.authenticationManager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(credentials.login(), credentials.password()));
		}
		catch (AuthenticationServiceException ex) {
			throw new StoreUnavailableException(ex);
		}
		catch (AuthenticationException ex) {
			throw new InvalidCredentialsException();
		}
		Account account = toAccount(result);
		if (credentials.password().isEmpty() || !apiKeyMatches(credentials, account)) {
			this.eventPublisher.publishAuthenticationFailure(new BadCredentialsException("Invalid api key"),
					UsernamePasswordAuthenticationToken.unauthenticated(credentials.login(), null));
			throw new InvalidCredentialsException();
		}
		return account;
	}

	private boolean apiKeyMatches(Credentials credentials, Account account) {
		if (credentials.apiKey() == null) {
			return true;
		}
		TokenPrincipal principal = new TokenPrincipal(account.id(), account.username(), account.authorities());
		return this.apiKeyVerifier != null && this.apiKeyVerifier.belongsTo(credentials.apiKey(), principal);
	}

	private static Account toAccount(Authentication result) {
		Set<String> authorities = result.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && !authority.isEmpty() && !authority.contains(",")
					&& authority.chars().noneMatch(Character::isWhitespace) && !authority.startsWith(FACTOR_PREFIX))
			.collect(Collectors.toUnmodifiableSet());
		return new Account(result.getName(), result.getName(), null, authorities, true, null);
	}

}
