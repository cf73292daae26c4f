package dev.tokenkit.spring;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.config.Customizer;

import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.servlet.DsiEndpoint;
import dev.tokenkit.servlet.GlobalGivingEndpoint;
import dev.tokenkit.servlet.IssuingEndpoint;
import dev.tokenkit.servlet.TokenIssuer;

/**
 * The issuing endpoints a {@link TokenKitConfigurer} serves, each with the chain's realm and observers and then the
 * app's customizer, and the paths they answer on.
 */
record IssuingEndpoints(List<IssuingEndpoint> endpoints, List<String> paths) {

	/** Before the endpoints are built: none. */
	static final IssuingEndpoints NONE = new IssuingEndpoints(List.of(), List.of());

	/** Whether one of the endpoints answers a path. */
	boolean claims(String path) {
		for (IssuingEndpoint endpoint : this.endpoints) {
			if (endpoint.claims(path)) {
				return true;
			}
		}
		return false;
	}

	/** Builds the dialects whose customizer is given; a {@code null} customizer leaves its dialect out. */
	static IssuingEndpoints create(TokenIssuer issuer, String realm, TokenObservers observers,
			@Nullable Customizer<DsiEndpoint> dsi,
			@Nullable Customizer<GlobalGivingEndpoint> globalGiving) {
		List<IssuingEndpoint> endpoints = new ArrayList<>();
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
		return new IssuingEndpoints(List.copyOf(endpoints),
				endpoints.stream().flatMap((endpoint) -> endpoint.paths().stream()).toList());
	}

}
