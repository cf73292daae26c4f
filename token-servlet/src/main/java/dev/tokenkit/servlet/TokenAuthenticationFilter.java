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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.AccountApiKeyVerifier;
import dev.tokenkit.core.account.AccountRepository;
import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.servlet.format.AcceptHeader;
import dev.tokenkit.servlet.format.ResponseFormat;
import dev.tokenkit.servlet.format.TokenResponseWriter;
import dev.tokenkit.servlet.http.QueryParameters;
import dev.tokenkit.servlet.http.RedactedFailure;
import dev.tokenkit.servlet.http.TokenErrors;
import dev.tokenkit.servlet.http.TokenKitHttpException;

/**
 * Guards every request whose path has a {@code secure} segment (see {@link SecurePathMatcher}): it must carry a valid
 * token (see {@link TokenResolver}), and, when an {@link ApiKeyVerifier} is set, an {@code api_key} parameter of the
 * token's account. Other requests pass through untouched, with no token work at all.
 *
 * <p>A secure request that passes goes on as an {@link AuthenticatedRequest}, with the principal also in the request
 * attribute {@link #PRINCIPAL_ATTRIBUTE} and {@code Cache-Control: no-store} on its response. One that fails is
 * answered here (RFC 6750 section 3): no token {@code 401} with {@code WWW-Authenticate: Bearer realm="..."}; a bad,
 * expired or revoked token {@code 401} with {@code error="invalid_token"}; a token sent twice or an empty carrier
 * {@code 400 invalid_request}; a missing {@code api_key} {@code 400}, a foreign one {@code 401}; an unreachable store
 * {@code 503} with {@code Retry-After}, never a pass. Errors are written in the format the {@code Accept} header asks
 * for (JSON, XML or CSV; JSON by default).
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

	private static final Logger logger = LoggerFactory.getLogger(TokenAuthenticationFilter.class);

	private @Nullable TokenService tokenService;

	private final SecurePathMatcher securePaths = new SecurePathMatcher();

	private final TokenResponseWriter writer = new TokenResponseWriter();

	private String realm = "tokenkit";

	private TokenResolver tokenResolver = new TokenResolver(this.realm);

	private @Nullable ApiKeyVerifier apiKeyVerifier;

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
	}

	/**
	 * Sets the realm named in challenges. Default: {@code tokenkit}.
	 *
	 * @param realm the realm
	 */
	public void setRealm(String realm) {
		this.realm = EndpointSettings.requireRealm(realm);
		this.tokenResolver = new TokenResolver(this.realm);
	}

	/**
	 * The realm named in challenges.
	 *
	 * @return the realm
	 */
	public String realm() {
		return this.realm;
	}

	/**
	 * Requires an {@code api_key} parameter of the token's account on every secure request. Default: none, no api key
	 * is checked.
	 *
	 * @param apiKeyVerifier the verifier, or {@code null} to check no api key
	 */
	public void setApiKeyVerifier(@Nullable ApiKeyVerifier apiKeyVerifier) {
		this.apiKeyVerifier = apiKeyVerifier;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)
				|| request.getAttribute(PRINCIPAL_ATTRIBUTE) != null || !this.securePaths.matches(http)) {
			chain.doFilter(request, response);
			return;
		}
		TokenPrincipal principal = authenticateOrAnswer(http, httpResponse);
		if (principal != null) {
			http.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
			httpResponse.setHeader("Cache-Control", "no-store");
			httpResponse.setHeader("Pragma", "no-cache");
			chain.doFilter(new AuthenticatedRequest(http, principal), response);
		}
	}

	/** The principal, or {@code null} once the failure has been answered. */
	private @Nullable TokenPrincipal authenticateOrAnswer(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		try {
			return authenticate(request);
		}
		catch (TokenKitHttpException ex) {
			this.writer.writeError(response, errorFormat(request), null, ex);
		}
		catch (RuntimeException ex) {
			logger.error("Unexpected failure while authenticating a secure request", RedactedFailure.of(ex));
			this.writer.writeError(response, errorFormat(request), null, TokenErrors.internalError());
		}
		return null;
	}

	/**
	 * Authenticates a secure request.
	 *
	 * @param request the request
	 * @return the token's principal
	 * @throws TokenKitHttpException the answer for a request that fails
	 */
	public TokenPrincipal authenticate(HttpServletRequest request) {
		QueryParameters query = QueryParameters.parse(request.getQueryString());
		String token = this.tokenResolver.resolve(request, query);
		if (token == null) {
			throw TokenErrors.missingToken(this.realm);
		}
		try {
			TokenPrincipal principal = Objects.requireNonNull(this.tokenService, "tokenService: call init() first")
				.authenticate(token);
			checkApiKey(query, principal);
			return principal;
		}
		catch (InvalidTokenException ex) {
			throw TokenErrors.invalidToken(this.realm);
		}
		catch (StoreUnavailableException ex) {
			logger.warn("Refused a secure request: the token store is unavailable ({})", RedactedFailure.types(ex));
			logger.debug("The store's failure", RedactedFailure.of((ex.getCause() != null) ? ex.getCause() : ex));
			throw TokenErrors.unavailable();
		}
	}

	private void checkApiKey(QueryParameters query, TokenPrincipal principal) {
		if (this.apiKeyVerifier == null) {
			return;
		}
		String apiKey = query.single("api_key");
		if (apiKey == null || apiKey.isEmpty()) {
			throw TokenErrors.badRequest("An api_key parameter is required");
		}
		if (!this.apiKeyVerifier.belongsTo(apiKey, principal)) {
			throw TokenErrors.invalidToken(this.realm);
		}
	}

	private static ResponseFormat errorFormat(HttpServletRequest request) {
		return AcceptHeader.forErrors(request.getHeader("Accept"));
	}

}
