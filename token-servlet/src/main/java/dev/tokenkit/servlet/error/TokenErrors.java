package dev.tokenkit.servlet.error;

import java.util.Map;

import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.account.InvalidCredentialsException;

/**
 * The one factory for tokenkit's protocol errors, so that every answer of a kind has the same status, code, message
 * and headers. Bearer challenges follow RFC 6750 section 3.
 *
 * @since 0.1.0
 */
public final class TokenErrors {

	/** The realm named in challenges unless an endpoint, a filter or the Spring configurer is given another. */
	public static final String DEFAULT_REALM = "tokenkit";

	private static final String BEARER = "Bearer";

	private TokenErrors() {
	}

	/**
	 * {@code 400}: the request is malformed.
	 *
	 * @param message what is wrong, a fixed text that never echoes input
	 * @return the error
	 */
	public static TokenKitHttpException badRequest(String message) {
		return new TokenKitHttpException(400, "invalid_request", message, Map.of(), null);
	}

	/**
	 * Refuses a path parameter ({@code ;}) on an issuing path: it can dress a token answer up as a download with
	 * another name (reflected file download).
	 *
	 * @param requestUri the request's URI as sent
	 * @throws TokenKitHttpException {@code 400} if it holds a {@code ;}
	 */
	public static void refusePathParameters(String requestUri) {
		if (requestUri.indexOf(';') >= 0) {
			throw badRequest("Path parameters (;) are not accepted on issuing paths");
		}
	}

	/**
	 * {@code 401}: the credentials were refused; the same answer whatever was wrong.
	 *
	 * @param scheme the scheme the endpoint accepts credentials in, named in the challenge
	 * @return the error
	 */
	public static TokenKitHttpException invalidCredentials(String scheme) {
		return new TokenKitHttpException(401, "invalid_credentials", InvalidCredentialsException.MESSAGE, Map.of(),
				Challenge.of(scheme));
	}

	/**
	 * {@code 401} without an error code: a secure request carried no token (RFC 6750 section 3.1).
	 *
	 * @return the error
	 */
	public static TokenKitHttpException missingToken() {
		return new TokenKitHttpException(401, "missing_token", "An access token is required", Map.of(),
				Challenge.of(BEARER));
	}

	/**
	 * {@code 401 invalid_token}: the token is malformed, unknown, expired or revoked.
	 *
	 * @return the error
	 */
	public static TokenKitHttpException invalidToken() {
		return new TokenKitHttpException(401, "invalid_token", InvalidTokenException.MESSAGE, Map.of(),
				new Challenge(BEARER, "invalid_token", InvalidTokenException.MESSAGE));
	}

	/**
	 * {@code 400 invalid_request} with a Bearer challenge: the token was sent in a malformed way, for example twice.
	 *
	 * @param message what is wrong, a fixed text
	 * @return the error
	 */
	public static TokenKitHttpException invalidTokenRequest(String message) {
		return new TokenKitHttpException(400, "invalid_request", message, Map.of(),
				new Challenge(BEARER, "invalid_request", null));
	}

	/**
	 * {@code 403 invalid_api_key}: the request's access token is valid but its {@code api_key} is not its account's (an
	 * unknown key or another account's key alike, so that the answer tells no key's owner). The caller already holds
	 * the token, so saying that the key, not the token, is wrong tells it nothing it could not learn otherwise.
	 *
	 * @return the exception
	 */
	public static TokenKitHttpException invalidApiKey() {
		return new TokenKitHttpException(403, "invalid_api_key", "The api_key does not belong to the access token's "
				+ "account", Map.of(), null);
	}

	/**
	 * {@code 403 insufficient_scope}: the token is valid but its account may not do this (RFC 6750 section 3.1).
	 *
	 * @return the error
	 */
	public static TokenKitHttpException insufficientScope() {
		return new TokenKitHttpException(403, "insufficient_scope", "The access token does not allow this request",
				Map.of(), new Challenge(BEARER, "insufficient_scope", null));
	}

	/**
	 * {@code 404}: no tokenkit endpoint at this path.
	 *
	 * @return the error
	 */
	public static TokenKitHttpException notFound() {
		return new TokenKitHttpException(404, "not_found", "No such endpoint", Map.of(), null);
	}

	/**
	 * {@code 405} with the methods the endpoint allows.
	 *
	 * @param allow the allowed methods, for example {@code "GET, DELETE"}
	 * @return the error
	 */
	public static TokenKitHttpException methodNotAllowed(String allow) {
		return new TokenKitHttpException(405, "method_not_allowed", "Method not allowed", Map.of("Allow", allow), null);
	}

	/**
	 * {@code 406}: none of the formats the client accepts is available.
	 *
	 * @return the error
	 */
	public static TokenKitHttpException notAcceptable() {
		return new TokenKitHttpException(406, "not_acceptable", "No acceptable response format", Map.of(), null);
	}

	/**
	 * {@code 413}: the body is larger than the limit.
	 *
	 * @return the error
	 */
	public static TokenKitHttpException payloadTooLarge() {
		return new TokenKitHttpException(413, "payload_too_large", "The request body is too large",
				Map.of("Connection", "close"), null);
	}

	/**
	 * {@code 415}: the body's type (or encoding) is not one the endpoint reads.
	 *
	 * @return the error
	 */
	public static TokenKitHttpException unsupportedMediaType() {
		return new TokenKitHttpException(415, "unsupported_media_type", "Unsupported request content type", Map.of(), null);
	}

	/**
	 * {@code 429}: too many failed logins; try again later.
	 *
	 * @param retryAfterSeconds when to try again
	 * @return the error
	 */
	public static TokenKitHttpException tooManyRequests(long retryAfterSeconds) {
		return new TokenKitHttpException(429, "too_many_requests", "Too many failed attempts; try again later",
				Map.of("Retry-After", Long.toString(retryAfterSeconds)), null);
	}

	/**
	 * {@code 500}: an unexpected fault on tokenkit's side; the detail goes to the log, never to the client.
	 *
	 * @return the error
	 */
	public static TokenKitHttpException internalError() {
		return new TokenKitHttpException(500, "server_error", "The request could not be processed", Map.of(), null);
	}

	/**
	 * {@code 503}: the token store cannot be reached; the request was refused, not let through.
	 *
	 * @return the error
	 */
	public static TokenKitHttpException unavailable() {
		return new TokenKitHttpException(503, "temporarily_unavailable", StoreUnavailableException.MESSAGE,
				Map.of("Retry-After", "1"), null);
	}

}
