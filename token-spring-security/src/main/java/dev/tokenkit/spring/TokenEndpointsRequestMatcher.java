package dev.tokenkit.spring;

import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches requests to tokenkit's issuing endpoints: those whose context-relative path is one of the enabled dialects'
 * paths.
 *
 * @since 0.1.0
 */
public final class TokenEndpointsRequestMatcher implements RequestMatcher {

	private final List<String> paths;

	/**
	 * Creates the matcher.
	 *
	 * @param paths the endpoints' context-relative paths
	 */
	public TokenEndpointsRequestMatcher(List<String> paths) {
		this.paths = List.copyOf(Objects.requireNonNull(paths, "paths cannot be null"));
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		return this.paths.contains(pathWithinApplication(request));
	}

	static String pathWithinApplication(HttpServletRequest request) {
		return Objects.toString(request.getServletPath(), "") + Objects.toString(request.getPathInfo(), "");
	}

	@Override
	public String toString() {
		return "TokenEndpointsRequestMatcher" + this.paths;
	}

}
