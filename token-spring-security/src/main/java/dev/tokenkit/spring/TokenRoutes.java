package dev.tokenkit.spring;

import java.util.function.Predicate;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The token routes of a chain (the paths of tokenkit's endpoints and every path with a {@code secure} segment): exempt from CSRF, since
 * a token rather than a cookie authenticates them, and answered by a {@link TokenKitErrorHandler} when authentication
 * fails or access is denied. Browser routes keep the chain's own entry point.
 */
final class TokenRoutes {

	private TokenRoutes() {
	}

	/** Registers the routes with the chain's CSRF and exception-handling configurers, where the chain has them. */
	@SuppressWarnings("unchecked") // getConfigurer takes a raw configurer class, as in Spring Security's own configurers
	static void register(HttpSecurity http, Predicate<String> issuingPaths, String realm) {
		RequestMatcher tokenRoutes = new OrRequestMatcher(new TokenEndpointsRequestMatcher(issuingPaths),
				new SecurePathRequestMatcher());
		CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
		if (csrf != null) {
			csrf.ignoringRequestMatchers(tokenRoutes);
		}
		ExceptionHandlingConfigurer<HttpSecurity> exceptions = http.getConfigurer(ExceptionHandlingConfigurer.class);
		if (exceptions != null) {
			TokenKitErrorHandler errors = new TokenKitErrorHandler(realm);
			exceptions.defaultAuthenticationEntryPointFor(errors, tokenRoutes);
			exceptions.defaultAccessDeniedHandlerFor(errors, tokenRoutes);
		}
	}

}
