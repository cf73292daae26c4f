package dev.tokenkit.spring;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import dev.tokenkit.servlet.LoginThrottle;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * Publishes a login the throttle refuses as Spring Security's {@code AuthenticationFailureLockedEvent} (a
 * {@link LockedException} for the login as sent, never a password), since such a login never reaches the
 * authenticator that publishes the others; the rest is the throttle's.
 */
record EventPublishingLoginThrottle(LoginThrottle throttle,
		AuthenticationEventPublisher eventPublisher) implements LoginThrottle {

	@Override
	public void check(String login, String clientAddress) {
		try {
			this.throttle.check(login, clientAddress);
		}
		catch (TokenKitHttpException ex) {
			this.eventPublisher.publishAuthenticationFailure(new LockedException(ex.getMessage()),
					UsernamePasswordAuthenticationToken.unauthenticated(login, null));
			throw ex;
		}
	}

	@Override
	public void recordFailure(String login, String clientAddress) {
		this.throttle.recordFailure(login, clientAddress);
	}

	@Override
	public void release(String login, String clientAddress) {
		this.throttle.release(login, clientAddress);
	}

}
