package dev.tokenkit.servlet.http;

import java.util.Map;
import java.util.Objects;

/**
 * A protocol error to answer: a status, a short error code, a fixed message that is safe to show, and the headers that
 * go with it (a {@code WWW-Authenticate} challenge, {@code Allow}, {@code Retry-After}). Made by {@link TokenErrors};
 * carries no stack trace, since it is thrown for untrusted input.
 *
 * @since 0.1.0
 */
public final class TokenKitHttpException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String code;

	private final transient Map<String, String> headers;

	/**
	 * Creates the error.
	 *
	 * @param status the HTTP status
	 * @param code a short machine-readable code, for example {@code invalid_request}
	 * @param message a fixed message, safe to show to the client
	 * @param headers headers to set on the answer
	 */
	public TokenKitHttpException(int status, String code, String message, Map<String, String> headers) {
		super(Objects.requireNonNull(message, "message cannot be null"), null, false, false);
		this.status = status;
		this.code = Objects.requireNonNull(code, "code cannot be null");
		this.headers = Map.copyOf(headers);
	}

	/**
	 * The HTTP status.
	 *
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The short error code.
	 *
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * The headers to set on the answer.
	 *
	 * @return the headers, unmodifiable
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

}
