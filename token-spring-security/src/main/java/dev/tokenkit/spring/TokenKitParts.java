package dev.tokenkit.spring;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.account.Authenticator;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.servlet.LoginThrottle;
import dev.tokenkit.servlet.TokenIssuer;
import dev.tokenkit.servlet.error.TokenErrors;

/**
 * What a {@link TokenKitConfigurer}'s DSL has set, and what it makes in a chain: the endpoints and the authentication
 * filter, each collaborator resolved as the value set, else the unique bean of its type ({@link ContextBeans}), else
 * its default. Mutable, as the configurer is, until the chain is built.
 */
final class TokenKitParts {

	@Nullable TokenService tokenService;

	@Nullable Authenticator authenticator;

	@Nullable AuthenticationManager authenticationManager;

	@Nullable ApiKeyVerifier apiKeyVerifier;

	@Nullable AuthenticationEventPublisher eventPublisher;

	@Nullable TokenObservers observers;

	LoginThrottle loginThrottle = LoginThrottle.disabled();

	IssuingDialects dialects = IssuingDialects.BOTH;

	TrustEndpoints trustEndpoints = TrustEndpoints.NONE;

	@Nullable RequestMatcher requireApiKey;

	String realm = TokenErrors.DEFAULT_REALM;

	/** The endpoints served, read by the token-route matchers on every request; set once they are built. */
	private volatile TokenEndpoints endpoints = TokenEndpoints.NONE;

	/**
	 * The chain's two filters.
	 *
	 * @param endpoints the filter that serves the endpoints
	 * @param authentication the filter that guards secure paths
	 */
	record Built(TokenEndpointsFilter endpoints, TokenKitAuthenticationFilter authentication) {
	}

	/** Whether one of the endpoints built answers a path; none does before {@link #build}. */
	boolean claims(String path) {
		return this.endpoints.claims(path);
	}

	/** Builds the chain's filters over the resolved collaborators; the token service becomes a shared object. */
	Built build(HttpSecurity http, SecurityContextHolderStrategy contexts) {
		ContextBeans beans = new ContextBeans(http.getSharedObject(ApplicationContext.class));
		TokenService tokens = beans.tokenService(this.tokenService);
		http.setSharedObject(TokenService.class, tokens);
		AuthenticationEventPublisher publisher = beans.eventPublisher(this.eventPublisher);
		TokenObservers observed = Objects.requireNonNullElseGet(beans.setOrUnique(this.observers,
				TokenObservers.class, "observers"), TokenObservers::none);
		ApiKeyVerifier verifier = beans.setOrUnique(this.apiKeyVerifier, ApiKeyVerifier.class, "apiKeyVerifier");
		Authenticator credentials = CredentialsCheckers.resolve(beans.setOrUnique(this.authenticator,
				Authenticator.class, "authenticator"), Objects.requireNonNullElseGet(this.authenticationManager,
						() -> http.getSharedObject(AuthenticationManager.class)), verifier,
				this.dialects.globalGivingEnabled(), publisher);
		TokenIssuer issuer = new TokenIssuer(credentials, tokens);
		LoginThrottle throttle = new EventPublishingLoginThrottle(this.loginThrottle, publisher);
		issuer.setLoginThrottle(throttle);
		this.endpoints = TokenEndpoints.NONE.and(this.dialects.create(issuer, this.realm, observed))
			.and(this.trustEndpoints.create(tokens, this.realm, throttle));
		TokenKitAuthenticationFilter authentication = new TokenKitAuthenticationFilter(tokens,
				new TokenKitErrorHandler(this.realm), publisher, contexts, observed);
		if (this.requireApiKey != null) {
			authentication.setApiKeyCheck(this.requireApiKey, Objects.requireNonNull(verifier,
					"requireApiKey(...) needs an ApiKeyVerifier: set kit.apiKeyVerifier(...) or define an ApiKeyVerifier bean"));
		}
		return new Built(new TokenEndpointsFilter(this.endpoints.endpoints()), authentication);
	}

}
