package dev.tokenkit.spring;

import java.util.ArrayList;
import java.util.List;

import dev.tokenkit.servlet.TokenEndpoint;

/**
 * The endpoints a {@link TokenKitConfigurer} serves (the {@link IssuingDialects} and the {@link TrustEndpoints}), and
 * the paths they answer on.
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

}
