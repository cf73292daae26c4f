package dev.tokenkit.servlet;

import java.util.Objects;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.observation.FailureReason;
import dev.tokenkit.core.observation.TokenObservation;
import dev.tokenkit.core.observation.TokenObserver;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * The one path of a secure request, held by token-servlet's {@link TokenAuthenticationFilter} and by the Spring
 * Security filter alike: resolves the request's token ({@link TokenResolver}), checks it with the
 * {@link TokenService}, checks the request's {@code api_key} where an {@link ApiKeyVerifier} is given, and yields the
 * principal or the error to answer as a {@link SecureRequestResult}. It writes nothing; each filter hands the result
 * to its framework.
 *
 * <p>The errors (RFC 6750 section 3): no token {@code 401} with a bare {@code Bearer realm="..."} challenge; a bad,
 * expired or revoked token {@code 401 invalid_token}; a valid token with an {@code api_key} that is not its
 * account's (unknown or another account's) {@code 403 invalid_api_key}; a token sent twice or an empty carrier
 * {@code 400 invalid_request}; a missing {@code api_key} {@code 400}; an unreachable store
 * {@code 503} with {@code Retry-After}, never a pass; anything unexpected {@code 500}, logged without the request's
 * values. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SecureRequestChecker {

	private static final Logger logger = LoggerFactory.getLogger(SecureRequestChecker.class);

	private final TokenService tokenService;

	private final TokenResolver tokenResolver = new TokenResolver();

	private final @Nullable ApiKeyVerifier apiKeyVerifier;

	private final Predicate<RuntimeException> requestRejections;

	private final TokenObserver checks;

	/**
	 * Creates a checker.
	 *
	 * @param tokenService validates tokens
	 * @param apiKeyVerifier checks the request's {@code api_key}, or {@code null} to check none
	 * @param requestRejections which failures mean that the container refused a part of the request as the client's
	 *     fault, answered {@code 400 invalid_request} rather than {@code 500} (Spring Security's firewall throws its
	 *     {@code RequestRejectedException} when a header is read)
	 * @param observers observes each check ({@link TokenObservers#checks()}) with its outcome and failure reason
	 */
	public SecureRequestChecker(TokenService tokenService, @Nullable ApiKeyVerifier apiKeyVerifier,
			Predicate<RuntimeException> requestRejections, TokenObservers observers) {
		this.tokenService = Objects.requireNonNull(tokenService, "tokenService cannot be null");
		this.apiKeyVerifier = apiKeyVerifier;
		this.requestRejections = Objects.requireNonNull(requestRejections, "requestRejections cannot be null");
		this.checks = observers.checks();
	}

	/**
	 * Checks a secure request.
	 *
	 * @param request the request
	 * @return the token's principal, or the error to answer
	 */
	public SecureRequestResult check(HttpServletRequest request) {
		TokenObservation observation = this.checks.start();
		// ended once, however the check ends: an Error that escapes it counts as an error
		@Nullable FailureReason reason = FailureReason.ERROR;
		try {
			SecureRequestResult result = result(request);
			reason = result.reason();
			return result;
		}
		finally {
			if (reason == null) {
				observation.succeeded();
			}
			else {
				observation.failed(reason);
			}
		}
	}

	private SecureRequestResult result(HttpServletRequest request) {
		try {
			return authenticate(request);
		}
		catch (RuntimeException ex) {
			if (this.requestRejections.test(ex)) {
				// a client error, whose value is neither answered nor logged
				return SecureRequestResult.refused(
						TokenErrors.invalidTokenRequest("A header holds characters that are not allowed"),
						FailureReason.INVALID_REQUEST);
			}
			logger.error("Unexpected failure while authenticating a secure request", RedactedFailure.of(ex));
			return SecureRequestResult.refused(TokenErrors.internalError(), FailureReason.ERROR);
		}
	}

	private SecureRequestResult authenticate(HttpServletRequest request) {
		QueryParameters query;
		String token;
		try {
			query = QueryParameters.parse(request.getQueryString());
			token = this.tokenResolver.resolve(request, query);
		}
		catch (TokenKitHttpException ex) {
			if (ex.status() == 400) {
				return SecureRequestResult.refused((ex.challenge() == null)
						? TokenErrors.invalidTokenRequest(ex.getMessage()) : ex, FailureReason.INVALID_REQUEST);
			}
			return SecureRequestResult.refused(ex, FailureReason.MALFORMED);
		}
		if (token == null) {
			return SecureRequestResult.refused(TokenErrors.missingToken(), FailureReason.MISSING_TOKEN);
		}
		try {
			// The api key is checked before the use is counted: a refused request never slides the token.
			ApiKeyVerifier verifier = this.apiKeyVerifier;
			return SecureRequestResult.authenticated((verifier == null) ? this.tokenService.authenticate(token)
					: this.tokenService.authenticate(token, (principal) -> checkApiKey(verifier, query, principal)));
		}
		catch (InvalidTokenException ex) {
			return SecureRequestResult.refused(TokenErrors.invalidToken(), FailureReason.of(ex.reason()));
		}
		catch (ApiKeyRefusal ex) {
			return SecureRequestResult.refused(ex.error, ex.reason);
		}
		catch (StoreUnavailableException ex) {
			logger.warn("Refused a secure request: the token store is unavailable ({})", RedactedFailure.types(ex));
			logger.debug("The store's failure", RedactedFailure.of((ex.getCause() != null) ? ex.getCause() : ex));
			return SecureRequestResult.refused(TokenErrors.unavailable(), FailureReason.STORE_UNAVAILABLE);
		}
	}

	private static void checkApiKey(ApiKeyVerifier verifier, QueryParameters query, TokenPrincipal principal) {
		String apiKey;
		try {
			apiKey = query.single("api_key");
		}
		catch (TokenKitHttpException ex) {
			// sent twice
			throw new ApiKeyRefusal(ex, FailureReason.INVALID_REQUEST);
		}
		if (apiKey == null || apiKey.isEmpty()) {
			throw new ApiKeyRefusal(TokenErrors.badRequest("An api_key parameter is required"),
					FailureReason.MISSING_API_KEY);
		}
		if (!verifier.belongsTo(apiKey, principal)) {
			throw new ApiKeyRefusal(TokenErrors.invalidApiKey(), FailureReason.BAD_API_KEY);
		}
	}

	/** The api key check's refusal, thrown out of the token service's check: the answer and why, no stack trace. */
	private static final class ApiKeyRefusal extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient TokenKitHttpException error;

		private final FailureReason reason;

		ApiKeyRefusal(TokenKitHttpException error, FailureReason reason) {
			super(error.getMessage(), null, false, false);
			this.error = error;
			this.reason = reason;
		}

	}

}
