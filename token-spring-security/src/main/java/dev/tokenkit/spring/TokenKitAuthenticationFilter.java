package dev.tokenkit.spring;

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.GenericFilterBean;

import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.servlet.SecurePathMatcher;
import dev.tokenkit.servlet.TokenAuthenticationFilter;
import dev.tokenkit.servlet.http.RedactedFailure;
import dev.tokenkit.servlet.http.TokenErrors;
import dev.tokenkit.servlet.http.TokenKitHttpException;

/**
 * Guards secure paths inside the security filter chain, with token-servlet's token rules (carriers, api key, errors:
 * see {@link TokenAuthenticationFilter#authenticate(HttpServletRequest)}). A valid token puts a
 * {@link TokenAuthentication} into the {@link SecurityContext} of this request, and into its request attributes (a
 * {@link RequestAttributeSecurityContextRepository}, as Spring Security's own token filters do) so that its async and
 * error dispatches keep it; never into an HTTP session. A bad token goes to the entry point and is published as a
 * Spring Security authentication failure event; a missing one goes to the entry point without an event. Other
 * requests pass untouched.
 *
 * <p>It runs on every dispatch type: a forward, include or error dispatch to a secure path is checked like a request,
 * unless this filter already authenticated the request (the {@link TokenAuthenticationFilter#PRINCIPAL_ATTRIBUTE}
 * attribute is set).
 *
 * @since 0.1.0
 */
public final class TokenKitAuthenticationFilter extends GenericFilterBean {

	private final SecurePathMatcher securePaths = new SecurePathMatcher();

	private final TokenAuthenticationFilter tokens;

	private final AuthenticationEntryPoint entryPoint;

	private final AuthenticationEventPublisher eventPublisher;

	private final SecurityContextHolderStrategy contextHolder;

	private final SecurityContextRepository contextRepository = new RequestAttributeSecurityContextRepository();

	private RequestMatcher apiKeyRequests = (request) -> false;

	private @Nullable TokenAuthenticationFilter apiKeyRules;

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

	/**
	 * Applies other token rules (with an api-key check) to the secure requests a matcher selects. Default: none.
	 *
	 * @param requests the secure requests that need an api key
	 * @param rules token-servlet's filter with an {@code ApiKeyVerifier}
	 */
	public void setApiKeyRules(RequestMatcher requests, TokenAuthenticationFilter rules) {
		this.apiKeyRequests = Objects.requireNonNull(requests, "requests cannot be null");
		this.apiKeyRules = Objects.requireNonNull(rules, "rules cannot be null");
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		if (request.getAttribute(TokenAuthenticationFilter.PRINCIPAL_ATTRIBUTE) != null
				|| !this.securePaths.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		TokenPrincipal principal;
		try {
			principal = (this.apiKeyRules != null && this.apiKeyRequests.matches(request))
					? this.apiKeyRules.authenticate(request) : this.tokens.authenticate(request);
		}
		catch (TokenKitHttpException ex) {
			fail(request, response, ex);
			return;
		}
		catch (RequestRejectedException ex) {
			// the firewall checks a header when it is read: a client error, whose value is neither answered nor logged
			fail(request, response, TokenErrors.invalidTokenRequest(this.tokens.realm(),
					"A header holds characters that are not allowed"));
			return;
		}
		catch (RuntimeException ex) {
			this.logger.error("Unexpected failure while authenticating a secure request", RedactedFailure.of(ex));
			fail(request, response, TokenErrors.internalError());
			return;
		}
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(new TokenAuthentication(principal));
		this.contextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
		request.setAttribute(TokenAuthenticationFilter.PRINCIPAL_ATTRIBUTE, principal);
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		chain.doFilter(request, response);
	}

	private void fail(HttpServletRequest request, HttpServletResponse response, TokenKitHttpException error)
			throws IOException, ServletException {
		this.contextHolder.clearContext();
		if (!error.code().equals("missing_token")) {
			AuthenticationException failure = (error.status() >= 500)
					? new AuthenticationServiceException(error.getMessage())
					: new BadCredentialsException(error.getMessage());
			this.eventPublisher.publishAuthenticationFailure(failure,
					new PreAuthenticatedAuthenticationToken("access-token", null));
		}
		this.entryPoint.commence(request, response, new TokenKitAuthenticationException(error));
	}

}
