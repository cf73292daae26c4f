package dev.tokenkit.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.security.config.Customizer;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Authenticator;
import dev.tokenkit.servlet.AuthorizationServerMetadataEndpoint;
import dev.tokenkit.servlet.IntrospectionEndpoint;
import dev.tokenkit.servlet.JwkSetEndpoint;
import dev.tokenkit.servlet.LoginThrottle;
import dev.tokenkit.servlet.TokenEndpoint;

/**
 * The endpoints other services call to trust a chain's tokens, each built only when its customizer is given: the JWK
 * Set, introspection (with its clients and the chain's login throttle) and the metadata naming both, each with the
 * chain's realm and then the app's customizers. A {@code null} customizer given to a wither is refused, naming the DSL
 * method's parameter.
 *
 * @param jwkSet the JWK Set's customizer, or {@code null} to serve none
 * @param clients the introspection clients, with {@code introspection}
 * @param introspection introspection's customizer, or {@code null} to serve none
 * @param metadata the metadata's customizer, or {@code null} to serve none
 */
record TrustEndpoints(@Nullable Customizer<JwkSetEndpoint> jwkSet, @Nullable Authenticator clients,
		@Nullable Customizer<IntrospectionEndpoint> introspection,
		@Nullable Customizer<AuthorizationServerMetadataEndpoint> metadata) {

	/** None of them. */
	static final TrustEndpoints NONE = new TrustEndpoints(null, null, null, null);

	TrustEndpoints withJwkSet(Customizer<JwkSetEndpoint> customizer) {
		Objects.requireNonNull(customizer, "jwkSet cannot be null");
		return new TrustEndpoints(inOrder(this.jwkSet, customizer), this.clients, this.introspection, this.metadata);
	}

	TrustEndpoints withIntrospection(Authenticator clients, Customizer<IntrospectionEndpoint> customizer) {
		Objects.requireNonNull(clients, "clients cannot be null");
		Objects.requireNonNull(customizer, "introspection cannot be null");
		return new TrustEndpoints(this.jwkSet, clients, inOrder(this.introspection, customizer), this.metadata);
	}

	TrustEndpoints withMetadata(Customizer<AuthorizationServerMetadataEndpoint> customizer) {
		Objects.requireNonNull(customizer, "metadata cannot be null");
		return new TrustEndpoints(this.jwkSet, this.clients, this.introspection, inOrder(this.metadata, customizer));
	}

	/** Builds the endpoints whose customizer is given. */
	List<TokenEndpoint> create(TokenService tokens, String realm, LoginThrottle throttle) {
		List<TokenEndpoint> endpoints = new ArrayList<>();
		JwkSetEndpoint jwks = null;
		if (this.jwkSet != null) {
			jwks = new JwkSetEndpoint(JwkSets.json(tokens));
			jwks.setRealm(realm);
			this.jwkSet.customize(jwks);
			endpoints.add(jwks);
		}
		IntrospectionEndpoint introspecting = null;
		if (this.introspection != null && this.clients != null) {
			introspecting = new IntrospectionEndpoint(tokens, this.clients);
			introspecting.setRealm(realm);
			introspecting.setLoginThrottle(throttle);
			this.introspection.customize(introspecting);
			endpoints.add(introspecting);
		}
		if (this.metadata != null) {
			AuthorizationServerMetadataEndpoint described = new AuthorizationServerMetadataEndpoint();
			described.setRealm(realm);
			described.setJwkSet(jwks);
			described.setIntrospection(introspecting);
			this.metadata.customize(described);
			endpoints.add(described);
		}
		return endpoints;
	}

	private static <T> Customizer<T> inOrder(@Nullable Customizer<T> earlier, Customizer<T> later) {
		return (earlier == null) ? later : (target) -> {
			earlier.customize(target);
			later.customize(target);
		};
	}

}
