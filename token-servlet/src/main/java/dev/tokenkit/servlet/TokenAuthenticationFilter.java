package dev.tokenkit.servlet;

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.AccountApiKeyVerifier;
import dev.tokenkit.core.account.AccountRepository;
import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.format.AcceptHeader;
import dev.tokenkit.servlet.format.TokenResponseWriter;

/**
 * Guards every request whose path has a {@code secure} segment (see {@link SecurePathMatcher}): it must carry a valid
 * token (see {@link TokenResolver}), and, when an {@link ApiKeyVerifier} is set, an {@code api_key} parameter of the
 * token's account. Other requests pass through untouched, with no token work at all. The checks are a
 * {@link SecureRequestChecker}'s, the same the Spring Security filter holds.
 *
 * <p>A secure request that passes goes on as an {@link AuthenticatedRequest}, with the principal also in the request
 * attribute {@link #PRINCIPAL_ATTRIBUTE} and {@code Cache-Control: no-store} on its response. One that fails is
 * answered here with the checker's error (RFC 6750 section 3: {@code 401} with a {@code WWW-Authenticate}
 * challenge, {@code 400}, or {@code 503} with {@code Retry-After} for an unreachable store, never a pass), written in
 * the format the {@code Accept} header asks for (JSON, XML or CSV; JSON by default).
 *
 * <p>Map it to {@code /*} for every dispatcher type: a forward, include or error dispatch to a secure path is checked
 * like a request, and a request it has already authenticated is not checked again.
 *
 * @since 0.1.0
 */
public final class TokenAuthenticationFilter implements Filter {

	/** The servlet-context attribute holding the {@link AccountRepository} for {@code apiKeyCheck} in {@code web.xml}. */
	public static final String ACCOUNT_REPOSITORY_ATTRIBUTE = AccountRepository.class.getName();

	/** The request attribute that holds the {@link TokenPrincipal} of an authenticated request. */
	public static final String PRINCIPAL_ATTRIBUTE = TokenPrincipal.class.getName();

	private @Nullable TokenService tokenService;

	private final SecurePathMatcher securePaths = new SecurePathMatcher();

	private TokenResponseWriter writer = new TokenResponseWriter(TokenErrors.DEFAULT_REALM);

	private @Nullable ApiKeyVerifier apiKeyVerifier;

	private TokenObservers observers = TokenObservers.none();

	/** Built from the settings once the token service is known, and again when a setting changes. */
	private @Nullable SecureRequestChecker checker;

	/**
	 * Creates a filter for {@code web.xml}: {@link #init(FilterConfig)} takes the {@link TokenService} from the
	 * servlet-context attribute {@link TokenIssuingServlet#TOKEN_SERVICE_ATTRIBUTE}.
	 */
	public TokenAuthenticationFilter() {
	}

	/**
	 * Creates the filter in code.
	 *
	 * @param tokenService validates tokens
	 */
	public TokenAuthenticationFilter(TokenService tokenService) {
		this.tokenService = Objects.requireNonNull(tokenService, "tokenService cannot be null");
		rebuild();
	}

	/**
	 * For a filter declared in {@code web.xml}: takes the {@link TokenService} from the servlet-context attribute
	 * {@link TokenIssuingServlet#TOKEN_SERVICE_ATTRIBUTE}, and maps the optional init-params {@code realm} and
	 * {@code apiKeyCheck} ({@code true} checks api keys with an {@link AccountApiKeyVerifier} over the
	 * {@link AccountRepository} in the attribute {@link #ACCOUNT_REPOSITORY_ATTRIBUTE}).
	 *
	 * @param config the filter's configuration
	 * @throws ServletException if a collaborator is missing
	 */
	@Override
	public void init(FilterConfig config) throws ServletException {
		ServletContext context = config.getServletContext();
		if (this.tokenService == null) {
			this.tokenService = ContextAttributes.require(context, TokenIssuingServlet.TOKEN_SERVICE_ATTRIBUTE,
					TokenService.class);
		}
		String realm = config.getInitParameter("realm");
		if (realm != null) {
			setRealm(realm.trim());
		}
		if (Boolean.parseBoolean(config.getInitParameter("apiKeyCheck"))) {
			setApiKeyVerifier(new AccountApiKeyVerifier(
					ContextAttributes.require(context, ACCOUNT_REPOSITORY_ATTRIBUTE, AccountRepository.class)));
		}
		rebuild();
	}

	/**
	 * Sets what observes the checks of secure requests. Default: {@link TokenObservers#none()}.
	 *
	 * @param observers the observers, for example {@link dev.tokenkit.core.observation.MicrometerTokenObservers}
	 */
	public void setObservers(TokenObservers observers) {
		this.observers = Objects.requireNonNull(observers, "observers cannot be null");
		rebuild();
	}

	/**
	 * Sets the realm named in challenges. Default: {@code tokenkit}.
	 *
	 * @param realm the realm, letters, digits and {@code -._ } only
	 */
	public void setRealm(String realm) {
		this.writer = new TokenResponseWriter(realm);
	}

	/**
	 * Requires an {@code api_key} parameter of the token's account on every secure request. Default: none, no api key
	 * is checked.
	 *
	 * @param apiKeyVerifier the verifier, or {@code null} to check no api key
	 */
	public void setApiKeyVerifier(@Nullable ApiKeyVerifier apiKeyVerifier) {
		this.apiKeyVerifier = apiKeyVerifier;
		rebuild();
	}

	private void rebuild() {
		if (this.tokenService != null) {
			this.checker = new SecureRequestChecker(this.tokenService, this.apiKeyVerifier, (ex) -> false,
					this.observers);
		}
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)
				|| request.getAttribute(PRINCIPAL_ATTRIBUTE) != null || !this.securePaths.matches(http)) {
			chain.doFilter(request, response);
			return;
		}
		SecureRequestResult result = Objects.requireNonNull(this.checker, "tokenService: call init() first")
			.check(http);
		TokenPrincipal principal = result.principal();
		if (principal == null) {
			this.writer.writeError(httpResponse, AcceptHeader.forErrors(http.getHeader("Accept")), null,
					Objects.requireNonNull(result.error()));
			return;
		}
		http.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
		httpResponse.setHeader("Cache-Control", "no-store");
		httpResponse.setHeader("Pragma", "no-cache");
		chain.doFilter(new AuthenticatedRequest(http, principal), response);
	}

}
