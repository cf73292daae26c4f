package dev.tokenkit.spring;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches requests to tokenkit's issuing endpoints: those whose context-relative path is one of the enabled dialects'
 * paths.
 *
 * @since 0.1.0
 */
public final class TokenEndpointsRequestMatcher implements RequestMatcher {

	private final Predicate<String> paths;

	/**
	 * Creates the matcher.
	 *
	 * @param paths the endpoints' context-relative paths
	 */
	public TokenEndpointsRequestMatcher(List<String> paths) {
		List<String> copy = List.copyOf(Objects.requireNonNull(paths, "paths cannot be null"));
		this.paths = copy::contains;
	}

	/**
	 * A matcher over endpoints known only once they are built: the configurer makes its matchers in {@code init()} and
	 * its endpoints in {@code configure()}, before any request.
	 */
	TokenEndpointsRequestMatcher(Predicate<String> paths) {
		this.paths = paths;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		return this.paths.test(pathWithinApplication(request));
	}

	static String pathWithinApplication(HttpServletRequest request) {
		return Objects.toString(request.getServletPath(), "") + Objects.toString(request.getPathInfo(), "");
	}

	@Override
	public String toString() {
		return "TokenEndpointsRequestMatcher";
	}

}
