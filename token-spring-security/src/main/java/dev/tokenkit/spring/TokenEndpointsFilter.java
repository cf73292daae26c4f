package dev.tokenkit.spring;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.tokenkit.servlet.error.TokenErrors;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.tokenkit.servlet.TokenEndpoint;

/**
 * Serves tokenkit's endpoints (the issuing dialects, and the JWK Set, introspection and metadata when enabled) inside
 * the security filter chain, with token-servlet's own endpoints (request reading, negotiation and writers are theirs):
 * a request to one of their paths is answered here and goes no further; every other request passes untouched.
 *
 * @since 0.1.0
 */
public final class TokenEndpointsFilter extends OncePerRequestFilter {

	private final List<TokenEndpoint> endpoints;

	/**
	 * Creates the filter.
	 *
	 * @param endpoints the enabled endpoints
	 */
	public TokenEndpointsFilter(List<TokenEndpoint> endpoints) {
		this.endpoints = List.copyOf(endpoints);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = TokenEndpointsRequestMatcher.pathWithinApplication(request);
		for (TokenEndpoint endpoint : this.endpoints) {
			if (endpoint.claims(path)) {
				endpoint.handle(new HeaderRejectionsAsBadRequests(request,
						() -> TokenErrors.badRequest("A header holds characters that are not allowed")), response, path);
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
