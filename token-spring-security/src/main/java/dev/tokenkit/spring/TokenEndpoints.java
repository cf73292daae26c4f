package dev.tokenkit.spring;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.config.Customizer;

import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.servlet.DsiEndpoint;
import dev.tokenkit.servlet.GlobalGivingEndpoint;
import dev.tokenkit.servlet.TokenEndpoint;
import dev.tokenkit.servlet.TokenIssuer;

/**
 * The endpoints a {@link TokenKitConfigurer} serves (the issuing dialects, each with the chain's realm and observers and
 * then the app's customizer, and the {@link TrustEndpoints}), and the paths they answer on.
 */
record TokenEndpoints(List<TokenEndpoint> endpoints, List<String> paths) {

	/** Before the endpoints are built: none. */
	static final TokenEndpoints NONE = new TokenEndpoints(List.of(), List.of());

	/** Whether one of the endpoints answers a path. */
	boolean claims(String path) {
		for (TokenEndpoint endpoint : this.endpoints) {
			if (endpoint.claims(path)) {
				return true;
			}
		}
		return false;
	}

	/** These endpoints and more, after them. */
	TokenEndpoints and(List<TokenEndpoint> more) {
		List<TokenEndpoint> all = new ArrayList<>(this.endpoints);
		all.addAll(more);
		return new TokenEndpoints(List.copyOf(all),
				all.stream().flatMap((endpoint) -> endpoint.paths().stream()).toList());
	}

	/** Builds the dialects whose customizer is given; a {@code null} customizer leaves its dialect out. */
	static TokenEndpoints create(TokenIssuer issuer, String realm, TokenObservers observers,
			@Nullable Customizer<DsiEndpoint> dsi,
			@Nullable Customizer<GlobalGivingEndpoint> globalGiving) {
		List<TokenEndpoint> endpoints = new ArrayList<>();
		if (dsi != null) {
			DsiEndpoint endpoint = new DsiEndpoint(issuer);
			endpoint.setRealm(realm);
			endpoint.setObservers(observers);
			dsi.customize(endpoint);
			endpoints.add(endpoint);
		}
		if (globalGiving != null) {
			GlobalGivingEndpoint endpoint = new GlobalGivingEndpoint(issuer);
			endpoint.setRealm(realm);
			endpoint.setObservers(observers);
			globalGiving.customize(endpoint);
			endpoints.add(endpoint);
		}
		return NONE.and(endpoints);
	}

}
