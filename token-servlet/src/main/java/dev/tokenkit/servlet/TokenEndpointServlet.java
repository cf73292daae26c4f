package dev.tokenkit.servlet;

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves one {@link TokenEndpoint} as a plain servlet, for apps without Spring Security: map it to the endpoint's
 * {@link TokenEndpoint#paths() paths}, for example
 * {@code context.addServlet("jwks", new TokenEndpointServlet(jwkSet)).addMapping(jwkSet.path())}.
 *
 * @since 0.1.0
 */
public final class TokenEndpointServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final transient TokenEndpoint endpoint;

	/**
	 * Creates the servlet.
	 *
	 * @param endpoint the endpoint it serves
	 */
	public TokenEndpointServlet(TokenEndpoint endpoint) {
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint cannot be null");
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = Objects.toString(request.getServletPath(), "") + Objects.toString(request.getPathInfo(), "");
		this.endpoint.handle(request, response, path);
	}

}
