package dev.tokenkit.servlet.error;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A protocol error to answer, as a value: a status, a short error code, a fixed message that is safe to show, the
 * headers that go with it ({@code Allow}, {@code Retry-After}) and, for a refused authentication, a {@link Challenge}
 * to which the writer adds the realm. Made by {@link TokenErrors}; carries no stack trace, since it is thrown for
 * untrusted input.
 *
 * @since 0.1.0
 */
public final class TokenKitHttpException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String code;

	private final transient Map<String, String> headers;

	private final transient @Nullable Challenge challenge;

	/**
	 * Creates the error.
	 *
	 * @param status the HTTP status
	 * @param code a short machine-readable code, for example {@code invalid_request}
	 * @param message a fixed message, safe to show to the client
	 * @param headers headers to set on the answer
	 * @param challenge the {@code WWW-Authenticate} challenge, or {@code null}
	 */
	public TokenKitHttpException(int status, String code, String message, Map<String, String> headers,
			@Nullable Challenge challenge) {
		super(Objects.requireNonNull(message, "message cannot be null"), null, false, false);
		this.status = status;
		this.code = Objects.requireNonNull(code, "code cannot be null");
		this.headers = Map.copyOf(headers);
		this.challenge = challenge;
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

	/**
	 * The {@code WWW-Authenticate} challenge, without its realm.
	 *
	 * @return the challenge, or {@code null} when the answer carries none
	 */
	public @Nullable Challenge challenge() {
		return this.challenge;
	}

}
