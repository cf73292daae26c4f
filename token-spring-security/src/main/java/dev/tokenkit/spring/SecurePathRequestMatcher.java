package dev.tokenkit.spring;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.tokenkit.servlet.SecurePathMatcher;

/**
 * Matches requests whose normalised path has a {@code secure} segment, by the same rule as the servlet filter
 * ({@link SecurePathMatcher}). Spring's path patterns cannot say this: they refuse {@code **} in the middle of a
 * pattern, so {@code /**}{@code /secure/**} is not available.
 *
 * @since 0.1.0
 */
public final class SecurePathRequestMatcher implements RequestMatcher {

	private final SecurePathMatcher securePaths = new SecurePathMatcher();

	@Override
	public boolean matches(HttpServletRequest request) {
		return this.securePaths.matches(request);
	}

	@Override
	public String toString() {
		return "SecurePathRequestMatcher[a path segment 'secure', in any case]";
	}

}
