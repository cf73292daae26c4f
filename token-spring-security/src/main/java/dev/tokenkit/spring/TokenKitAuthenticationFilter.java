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
import org.springframework.security.authentication.CredentialsExpiredException;
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
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.observation.FailureReason;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.servlet.SecurePathMatcher;
import dev.tokenkit.servlet.SecureRequestChecker;
import dev.tokenkit.servlet.SecureRequestResult;
import dev.tokenkit.servlet.TokenAuthenticationFilter;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * Guards secure paths inside the security filter chain with token-servlet's {@link SecureRequestChecker}, the
 * same checks token-servlet's own filter makes (carriers, api key, errors). A valid token puts a
 * {@link TokenAuthentication} into the {@link SecurityContext} of this request, and into its request attributes (a
 * {@link RequestAttributeSecurityContextRepository}, as Spring Security's own token filters do) so that its async and
 * error dispatches keep it; never into an HTTP session. A refused request goes to the entry point as a
 * {@link TokenKitAuthenticationException} carrying the error. Other requests pass untouched.
 *
 * <p>Each check is published through the {@link AuthenticationEventPublisher}, as Spring Security's own
 * authentication publishes its: a pass as an {@code AuthenticationSuccessEvent} of the {@link TokenAuthentication}; a
 * refusal, unless the request merely carried no token, as a failure event of a
 * {@link PreAuthenticatedAuthenticationToken} named {@code access-token} (never the token), with a
 * {@link CredentialsExpiredException} for an expired token, an {@link AuthenticationServiceException} when the store
 * is down or the check failed, else a {@link BadCredentialsException}.
 *
 * <p>It runs on every dispatch type: a forward, include or error dispatch to a secure path is checked like a request,
 * unless this filter already authenticated the request (the {@link TokenAuthenticationFilter#PRINCIPAL_ATTRIBUTE}
 * attribute is set).
 *
 * @since 0.1.0
 */
public final class TokenKitAuthenticationFilter extends GenericFilterBean {

	private final SecurePathMatcher securePaths = new SecurePathMatcher();

	private final TokenService tokenService;

	private final SecureRequestChecker checker;

	private final AuthenticationEntryPoint entryPoint;

	private final AuthenticationEventPublisher eventPublisher;

	private final SecurityContextHolderStrategy contextHolder;

	private final SecurityContextRepository contextRepository = new RequestAttributeSecurityContextRepository();

	private final TokenObservers observers;

	private RequestMatcher apiKeyRequests = (request) -> false;

	private SecureRequestChecker apiKeyChecker;

	/**
	 * Creates the filter.
	 *
	 * @param tokenService validates tokens
	 * @param entryPoint answers failures
	 * @param eventPublisher publishes each check: a success, or a failure unless the request had no token
	 * @param contextHolder holds the security context of the request
	 * @param observers observes each check
	 */
	public TokenKitAuthenticationFilter(TokenService tokenService, AuthenticationEntryPoint entryPoint,
			AuthenticationEventPublisher eventPublisher, SecurityContextHolderStrategy contextHolder,
			TokenObservers observers) {
		this.tokenService = Objects.requireNonNull(tokenService, "tokenService cannot be null");
		this.observers = Objects.requireNonNull(observers, "observers cannot be null");
		this.checker = secureRequests(null);
		this.apiKeyChecker = this.checker;
		this.entryPoint = Objects.requireNonNull(entryPoint, "entryPoint cannot be null");
		this.eventPublisher = Objects.requireNonNull(eventPublisher, "eventPublisher cannot be null");
		this.contextHolder = Objects.requireNonNull(contextHolder, "contextHolder cannot be null");
	}

	/**
	 * Requires, on the secure requests a matcher selects, an {@code api_key} parameter of the token's account.
	 * Default: none.
	 *
	 * @param requests the secure requests that need an api key
	 * @param apiKeyVerifier checks the api key against the token's account
	 */
	public void setApiKeyCheck(RequestMatcher requests, ApiKeyVerifier apiKeyVerifier) {
		this.apiKeyRequests = Objects.requireNonNull(requests, "requests cannot be null");
		this.apiKeyChecker = secureRequests(Objects.requireNonNull(apiKeyVerifier,
				"apiKeyVerifier cannot be null"));
	}

	/** The checks of secure requests; Spring Security's firewall rejects a bad header when it is read: a 400. */
	private SecureRequestChecker secureRequests(@Nullable ApiKeyVerifier apiKeyVerifier) {
		return new SecureRequestChecker(this.tokenService, apiKeyVerifier,
				RequestRejectedException.class::isInstance, this.observers);
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
		SecureRequestResult result = (this.apiKeyRequests.matches(request) ? this.apiKeyChecker : this.checker)
			.check(request);
		TokenPrincipal principal = result.principal();
		if (principal == null) {
			fail(request, response, Objects.requireNonNull(result.error()), Objects.requireNonNull(result.reason()));
			return;
		}
		TokenAuthentication authentication = new TokenAuthentication(principal);
		this.eventPublisher.publishAuthenticationSuccess(authentication);
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		this.contextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
		request.setAttribute(TokenAuthenticationFilter.PRINCIPAL_ATTRIBUTE, principal);
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		chain.doFilter(request, response);
	}

	private void fail(HttpServletRequest request, HttpServletResponse response, TokenKitHttpException error,
			FailureReason reason) throws IOException, ServletException {
		this.contextHolder.clearContext();
		if (reason != FailureReason.MISSING_TOKEN) {
			this.eventPublisher.publishAuthenticationFailure(failure(reason, error.getMessage()),
					new PreAuthenticatedAuthenticationToken("access-token", null));
		}
		this.entryPoint.commence(request, response, new TokenKitAuthenticationException(error));
	}

	/** The failure an event carries: the error's fixed message, in the exception Spring Security maps the reason to. */
	private static AuthenticationException failure(FailureReason reason, String message) {
		return switch (reason) {
			case EXPIRED -> new CredentialsExpiredException(message);
			case STORE_UNAVAILABLE, ERROR -> new AuthenticationServiceException(message);
			default -> new BadCredentialsException(message);
		};
	}

}
