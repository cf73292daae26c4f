package dev.tokenkit.spring;

import java.util.Objects;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.account.Authenticator;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.servlet.AuthorizationServerMetadataEndpoint;
import dev.tokenkit.servlet.DsiEndpoint;
import dev.tokenkit.servlet.GlobalGivingEndpoint;
import dev.tokenkit.servlet.IntrospectionEndpoint;
import dev.tokenkit.servlet.JwkSetEndpoint;
import dev.tokenkit.servlet.LoginThrottle;

/**
 * Adds tokenkit to an existing Spring Security filter chain:
 * {@code http.with(TokenKitConfigurer.tokenKit(), (kit) -> kit.apiKeyVerifier(verifier))}.
 *
 * <p>It serves both issuing dialects inside the chain ({@link TokenEndpointsFilter}), and on request the endpoints
 * other services use to trust the tokens ({@link #jwkSet}, {@link #introspection},
 * {@link #authorizationServerMetadata}), guards every path with a {@code secure} segment
 * ({@link TokenKitAuthenticationFilter}), exempts exactly those token routes from CSRF (the rest of the site keeps it),
 * and answers {@code 401}, {@code 403} and {@code 503} on them with tokenkit's error body
 * ({@link TokenKitErrorHandler}); browser routes keep the chain's own entry point, such as the form-login redirect.
 * Token requests never create an HTTP session, unless the chain asks for one on every request
 * ({@code SessionCreationPolicy.ALWAYS}). The token service is also the chain's shared object {@code TokenService}.
 *
 * <p>Each collaborator is the DSL value if set, else the unique bean of its type, else the default its DSL method
 * names: an {@link OpaqueTokenService} over the unique {@link TokenStore} bean or an {@link InMemoryTokenStore}, the
 * chain's own {@link AuthenticationManager} for credentials, and so on. Several beans of one type without a
 * {@code @Primary} one fail at start-up, naming the DSL method to use instead.
 *
 * <p>Every {@code Customizer<TokenKitConfigurer>} bean of the application context is applied when the configurer is
 * added to a chain, before the chain's own customizer: settings made in code override them. This is how the Spring
 * Boot starter's {@code tokenkit.*} properties reach a configurer the app adds itself.
 *
 * @since 0.1.0
 */
public final class TokenKitConfigurer extends AbstractHttpConfigurer<TokenKitConfigurer, HttpSecurity> {

	private final TokenKitParts parts = new TokenKitParts();

	/**
	 * A configurer with every option at its default, for {@code http.with(tokenKit(), ...)}.
	 *
	 * @return the configurer
	 */
	public static TokenKitConfigurer tokenKit() {
		return new TokenKitConfigurer();
	}

	/**
	 * Sets the token service. Default: the unique {@link TokenService} bean, else an opaque service over the unique
	 * {@link TokenStore} bean or an in-memory store.
	 *
	 * @param tokenService the token service
	 * @return this configurer
	 */
	public TokenKitConfigurer tokenService(TokenService tokenService) {
		this.parts.tokenService = Objects.requireNonNull(tokenService, "tokenService cannot be null");
		return this;
	}

	/**
	 * Checks credentials with a tokenkit {@link Authenticator} (for example a
	 * {@link dev.tokenkit.core.account.PasswordAuthenticator} over accounts with their own token timeouts) instead of
	 * the chain's {@link AuthenticationManager}. Default: the unique {@link Authenticator} bean, else the manager.
	 *
	 * @param authenticator the authenticator
	 * @return this configurer
	 */
	public TokenKitConfigurer authenticator(Authenticator authenticator) {
		this.parts.authenticator = Objects.requireNonNull(authenticator, "authenticator cannot be null");
		return this;
	}

	/**
	 * Sets the authentication manager that checks credentials. Default: the chain's shared one.
	 *
	 * @param authenticationManager the manager
	 * @return this configurer
	 */
	public TokenKitConfigurer authenticationManager(AuthenticationManager authenticationManager) {
		this.parts.authenticationManager = Objects.requireNonNull(authenticationManager,
				"authenticationManager cannot be null");
		return this;
	}

	/**
	 * Sets the api-key check of GlobalGiving logins and of {@link #requireApiKey(boolean)}. Default: the unique
	 * {@link ApiKeyVerifier} bean, else none (GlobalGiving logins through the manager then fail at start-up).
	 *
	 * @param apiKeyVerifier the verifier
	 * @return this configurer
	 */
	public TokenKitConfigurer apiKeyVerifier(ApiKeyVerifier apiKeyVerifier) {
		this.parts.apiKeyVerifier = Objects.requireNonNull(apiKeyVerifier, "apiKeyVerifier cannot be null");
		return this;
	}

	/**
	 * Requires, on every secure request, an {@code api_key} parameter of the token's account. Default: off.
	 *
	 * @param requireApiKey whether to require it
	 * @return this configurer
	 */
	public TokenKitConfigurer requireApiKey(boolean requireApiKey) {
		this.parts.requireApiKey = requireApiKey ? AnyRequestMatcher.INSTANCE : null;
		return this;
	}

	/**
	 * Requires an {@code api_key} parameter of the token's account on the secure requests the matcher selects (for
	 * example GlobalGiving's {@code /api/secure/givingservice/**} calls). Default: none.
	 *
	 * @param secureRequests the secure requests that need an api key
	 * @return this configurer
	 */
	public TokenKitConfigurer requireApiKey(RequestMatcher secureRequests) {
		this.parts.requireApiKey = Objects.requireNonNull(secureRequests, "secureRequests cannot be null");
		return this;
	}

	/**
	 * Sets where failures are published. Default: the unique {@link AuthenticationEventPublisher} bean, else one
	 * publishing to the application context.
	 *
	 * @param eventPublisher the publisher
	 * @return this configurer
	 */
	public TokenKitConfigurer eventPublisher(AuthenticationEventPublisher eventPublisher) {
		this.parts.eventPublisher = Objects.requireNonNull(eventPublisher, "eventPublisher cannot be null");
		return this;
	}

	/**
	 * Sets what observes the issues and the checks of secure requests (revocations and store calls are observed by
	 * the token service, given observers by its builder). Default: the unique
	 * {@link TokenObservers} bean (the Spring Boot starter makes one over the app's {@code ObservationRegistry}), else
	 * {@link TokenObservers#none()}.
	 *
	 * @param observers the observers
	 * @return this configurer
	 */
	public TokenKitConfigurer observers(TokenObservers observers) {
		this.parts.observers = Objects.requireNonNull(observers, "observers cannot be null");
		return this;
	}

	/**
	 * Sets the login throttle of both dialects. Default: {@link LoginThrottle#disabled()}.
	 *
	 * @param loginThrottle the throttle
	 * @return this configurer
	 */
	public TokenKitConfigurer loginThrottle(LoginThrottle loginThrottle) {
		this.parts.loginThrottle = Objects.requireNonNull(loginThrottle, "loginThrottle cannot be null");
		return this;
	}

	/**
	 * Configures the DSI endpoint (paths, query credentials, JSONP, policy, body limit). Each call adds to the earlier
	 * ones (the {@code tokenkit.*} properties' first), applied in order.
	 *
	 * @param dsi the customizer
	 * @return this configurer
	 */
	public TokenKitConfigurer dsi(Customizer<DsiEndpoint> dsi) {
		this.parts.dialects = this.parts.dialects.withDsi(dsi);
		return this;
	}

	/**
	 * Configures the GlobalGiving endpoint (path, policy, body limit). Each call adds to the earlier ones, applied in
	 * order.
	 *
	 * @param globalGiving the customizer
	 * @return this configurer
	 */
	public TokenKitConfigurer globalGiving(Customizer<GlobalGivingEndpoint> globalGiving) {
		this.parts.dialects = this.parts.dialects.withGlobalGiving(globalGiving);
		return this;
	}

	/**
	 * Switches the DSI dialect on or off. Default: on.
	 *
	 * @param dsiEnabled whether to serve it
	 * @return this configurer
	 */
	public TokenKitConfigurer dsiEnabled(boolean dsiEnabled) {
		this.parts.dialects = this.parts.dialects.withDsiEnabled(dsiEnabled);
		return this;
	}

	/**
	 * Switches the GlobalGiving dialect on or off. Default: on.
	 *
	 * @param globalGivingEnabled whether to serve it
	 * @return this configurer
	 */
	public TokenKitConfigurer globalGivingEnabled(boolean globalGivingEnabled) {
		this.parts.dialects = this.parts.dialects.withGlobalGivingEnabled(globalGivingEnabled);
		return this;
	}

	/**
	 * Serves the JWK Set of the token service's public keys ({@link JwkSetEndpoint}, {@code GET /.well-known/jwks.json}
	 * by default), so that other services verify its JWTs themselves. Needs a {@code JwtTokenService}; HS256 secrets
	 * are never published. Each call adds to the earlier ones. Default: not served.
	 *
	 * @param jwkSet the customizer (path, cache max-age)
	 * @return this configurer
	 */
	public TokenKitConfigurer jwkSet(Customizer<JwkSetEndpoint> jwkSet) {
		this.parts.trustEndpoints = this.parts.trustEndpoints.withJwkSet(jwkSet);
		return this;
	}

	/**
	 * Serves token introspection ({@link IntrospectionEndpoint}, RFC 7662, {@code POST /oauth2/introspect} by default)
	 * to the clients the authenticator accepts over HTTP Basic, for services that hold tokens but not the store;
	 * failed client logins go through the {@link #loginThrottle(LoginThrottle) login throttle}. Each call adds to the
	 * earlier ones; the last clients win. Default: not served.
	 *
	 * @param clients checks client ids and secrets, for example a
	 *     {@link dev.tokenkit.core.account.PasswordAuthenticator} over accounts holding the secrets' hashes; a client
	 *     account's authorities limit the tokens it sees
	 * @param introspection the customizer (path, whether an introspection counts as a use)
	 * @return this configurer
	 */
	public TokenKitConfigurer introspection(Authenticator clients, Customizer<IntrospectionEndpoint> introspection) {
		this.parts.trustEndpoints = this.parts.trustEndpoints.withIntrospection(clients, introspection);
		return this;
	}

	/**
	 * Serves authorization server metadata ({@link AuthorizationServerMetadataEndpoint},
	 * {@code GET /.well-known/oauth-authorization-server}) naming the JWK Set and introspection endpoints this chain
	 * serves. Each call adds to the earlier ones. Default: not served.
	 *
	 * @param metadata the customizer (path, issuer, base URL)
	 * @return this configurer
	 */
	public TokenKitConfigurer authorizationServerMetadata(Customizer<AuthorizationServerMetadataEndpoint> metadata) {
		this.parts.trustEndpoints = this.parts.trustEndpoints.withMetadata(metadata);
		return this;
	}

	/**
	 * Sets the realm named in challenges. Default: {@code tokenkit}.
	 *
	 * @param realm the realm
	 * @return this configurer
	 */
	public TokenKitConfigurer realm(String realm) {
		this.parts.realm = Objects.requireNonNull(realm, "realm cannot be null");
		return this;
	}

	@Override // and applies the context's Customizer<TokenKitConfigurer> beans, before the chain's own customizer
	public void setBuilder(HttpSecurity http) {
		super.setBuilder(http);
		new ContextBeans(http.getSharedObject(ApplicationContext.class)).customizers(this);
	}

	/**
	 * Exempts the token routes from CSRF and gives them tokenkit's error handler; only matchers are made here, over
	 * the paths of the endpoints {@code configure()} builds.
	 */
	@Override
	public void init(HttpSecurity http) {
		TokenRoutes.register(http, this.parts::claims, this.parts.realm);
	}

	@Override
	public void configure(HttpSecurity http) {
		TokenKitParts.Built built = this.parts.build(http, getSecurityContextHolderStrategy());
		http.addFilterBefore(postProcess(built.endpoints()), BasicAuthenticationFilter.class);
		// After the anonymous and session-management filters, so that no session strategy sees a token login.
		http.addFilterBefore(postProcess(built.authentication()), ExceptionTranslationFilter.class);
	}

}
