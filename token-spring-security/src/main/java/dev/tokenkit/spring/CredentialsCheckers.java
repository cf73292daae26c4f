package dev.tokenkit.spring;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;

import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.account.Authenticator;

/**
 * How the configurer's issuing endpoints check credentials: the app's own tokenkit {@link Authenticator} if it has
 * one, else the chain's {@link AuthenticationManager}; failures are published either way. A setting that cannot work
 * fails at start-up with a message naming the fix.
 */
final class CredentialsCheckers {

	private CredentialsCheckers() {
	}

	static Authenticator resolve(@Nullable Authenticator own, @Nullable AuthenticationManager manager,
			@Nullable ApiKeyVerifier verifier, boolean globalGivingEnabled, AuthenticationEventPublisher publisher) {
		if (own != null) {
			return new EventPublishingAuthenticator(own, publisher);
		}
		if (manager == null) {
			throw new IllegalStateException("tokenKit needs a way to check credentials: set kit.authenticator(...) or "
					+ "kit.authenticationManager(...), or give the chain a UserDetailsService or AuthenticationManager");
		}
		if (globalGivingEnabled && verifier == null) {
			throw new IllegalStateException("GlobalGiving logins check an api_key: set kit.apiKeyVerifier(...) or define "
					+ "an ApiKeyVerifier bean, or switch the dialect off with kit.globalGivingEnabled(false)");
		}
		return new AuthenticationManagerAuthenticator(manager, verifier, publisher);
	}

}
