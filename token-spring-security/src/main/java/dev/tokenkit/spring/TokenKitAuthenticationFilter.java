package dev.tokenkit.spring;

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.servlet.SecurePathMatcher;
import dev.tokenkit.servlet.TokenAuthenticationFilter;
import dev.tokenkit.servlet.http.TokenErrors;
import dev.tokenkit.servlet.http.TokenKitHttpException;

/**
 * Guards secure paths inside the security filter chain, with token-servlet's token rules (carriers, api key, errors:
 * see {@link TokenAuthenticationFilter#authenticate(HttpServletRequest)}). A valid token puts a
 * {@link TokenAuthentication} into the {@link SecurityContext} for this request only: it is never saved to a
 * repository, so no HTTP session is created. A missing or bad token goes to the entry point, and its failure is
 * published as a Spring Security authentication failure event. Other requests pass untouched.
 *
 * @since 0.1.0
 */
public final class TokenKitAuthenticationFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(TokenKitAuthenticationFilter.class);

	private final SecurePathMatcher securePaths = new SecurePathMatcher();

	private final TokenAuthenticationFilter tokens;

	private final AuthenticationEntryPoint entryPoint;

	private final AuthenticationEventPublisher eventPublisher;

	private final SecurityContextHolderStrategy contextHolder;

	/**
	 * Creates the filter.
	 *
	 * @param tokens token-servlet's filter, configured with the realm and api-key check, used for its rules
	 * @param entryPoint answers failures
	 * @param eventPublisher publishes failures
	 * @param contextHolder holds the security context of the request
	 */
	public TokenKitAuthenticationFilter(TokenAuthenticationFilter tokens, AuthenticationEntryPoint entryPoint,
			AuthenticationEventPublisher eventPublisher, SecurityContextHolderStrategy contextHolder) {
		this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
		this.entryPoint = Objects.requireNonNull(entryPoint, "entryPoint cannot be null");
		this.eventPublisher = Objects.requireNonNull(eventPublisher, "eventPublisher cannot be null");
		this.contextHolder = Objects.requireNonNull(contextHolder, "contextHolder cannot be null");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.securePaths.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		TokenPrincipal principal;
		try {
			principal = this.tokens.authenticate(request);
		}
		catch (TokenKitHttpException ex) {
			fail(request, response, ex);
			return;
		}
		catch (RuntimeException ex) {
			logger.error("Unexpected failure while authenticating a secure request", ex);
			fail(request, response, TokenErrors.internalError());
			return;
		}
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(new TokenAuthentication(principal));
		this.contextHolder.setContext(context);
		request.setAttribute(TokenAuthenticationFilter.PRINCIPAL_ATTRIBUTE, principal);
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		chain.doFilter(request, response);
	}

	private void fail(HttpServletRequest request, HttpServletResponse response, TokenKitHttpException error)
			throws IOException, ServletException {
		this.contextHolder.clearContext();
		AuthenticationException failure = (error.status() >= 500)
				? new AuthenticationServiceException(error.getMessage()) : new BadCredentialsException(error.getMessage());
		this.eventPublisher.publishAuthenticationFailure(failure,
				new PreAuthenticatedAuthenticationToken("access-token", "[PROTECTED]"));
		this.entryPoint.commence(request, response, new TokenKitAuthenticationException(error));
	}

}
