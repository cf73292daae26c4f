package dev.tokenkit.spring;

import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.Authenticator;
import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.core.account.InvalidCredentialsException;

/**
 * Publishes Spring Security's authentication events for logins checked by a tokenkit {@link Authenticator} (one that
 * is not the chain's {@code AuthenticationManager}, which publishes its own): a success with the account's name and
 * authorities, a bad-credentials failure, or a service failure when the accounts cannot be reached. The password is
 * never put into an event.
 */
record EventPublishingAuthenticator(Authenticator delegate,
		AuthenticationEventPublisher eventPublisher) implements Authenticator {

	@Override
	public Account authenticate(Credentials credentials) {
		try {
			Account account = this.delegate.authenticate(credentials);
			this.eventPublisher.publishAuthenticationSuccess(UsernamePasswordAuthenticationToken.authenticated(
					account.username(), null,
					account.authorities().stream().map(SimpleGrantedAuthority::new).collect(Collectors.toSet())));
			return account;
		}
		catch (InvalidCredentialsException ex) {
			this.eventPublisher.publishAuthenticationFailure(new BadCredentialsException(ex.getMessage()),
					UsernamePasswordAuthenticationToken.unauthenticated(credentials.login(), null));
			throw ex;
		}
		catch (StoreUnavailableException ex) {
			this.eventPublisher.publishAuthenticationFailure(new AuthenticationServiceException(ex.getMessage()),
					UsernamePasswordAuthenticationToken.unauthenticated(credentials.login(), null));
			throw ex;
		}
	}

}
