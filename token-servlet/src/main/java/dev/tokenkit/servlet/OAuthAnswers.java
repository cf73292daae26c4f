package dev.tokenkit.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.tokenkit.servlet.error.Challenge;
import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * The answers of the endpoints other services call ({@link JwkSetEndpoint}, {@link IntrospectionEndpoint},
 * {@link AuthorizationServerMetadataEndpoint}): JSON documents, and errors as OAuth 2.0 writes them (RFC 6749 section
 * 5.2: {@code {"error": "...", "error_description": "..."}}) with the error's status, headers and challenge in the
 * realm. A failure nobody expected is logged without its message and answered {@code 500}, never thrown.
 */
final class OAuthAnswers {

	private static final Logger logger = LoggerFactory.getLogger(OAuthAnswers.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The media type of JSON answers. */
	static final String JSON_TYPE = "application/json;charset=UTF-8";

	private final String realm;

	OAuthAnswers(String realm) {
		this.realm = Challenge.requireValidRealm(realm);
	}

	/** What an endpoint does with a request: it writes the answer, or throws the error to answer. */
	@FunctionalInterface
	interface Work {

		void answer() throws IOException;

	}

	/** Does an endpoint's work; any error it throws is answered here. */
	void serve(String endpoint, HttpServletRequest request, HttpServletResponse response, Work work)
			throws IOException {
		try {
			TokenErrors.refusePathParameters(request.getRequestURI());
			work.answer();
		}
		catch (TokenKitHttpException ex) {
			writeError(response, ex);
		}
		catch (RuntimeException ex) {
			logger.error("Unexpected failure on a {} request", endpoint, RedactedFailure.of(ex));
			writeError(response, TokenErrors.internalError());
		}
	}

	/** A document as JSON text. */
	static String json(Object document) {
		return JSON.writeValueAsString(document);
	}

	/** Writes a JSON text with a status and a {@code Cache-Control} value. */
	void write(HttpServletResponse response, int status, String contentType, String json, String cacheControl)
			throws IOException {
		response.setStatus(status);
		response.setHeader("Cache-Control", cacheControl);
		if (cacheControl.equals("no-store")) {
			response.setHeader("Pragma", "no-cache");
		}
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setContentType(contentType);
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/** Writes an error in OAuth 2.0's form, never cached. */
	void writeError(HttpServletResponse response, TokenKitHttpException error) throws IOException {
		error.headers().forEach(response::setHeader);
		Challenge challenge = error.challenge();
		if (challenge != null) {
			response.setHeader("WWW-Authenticate", challenge.render(this.realm));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error.code());
		body.put("error_description", error.getMessage());
		write(response, error.status(), JSON_TYPE, json(body), "no-store");
	}

	/** Refuses every method but {@code GET} and {@code HEAD}. */
	static void requireGet(HttpServletRequest request) {
		if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
			throw TokenErrors.methodNotAllowed("GET, HEAD");
		}
	}

}
