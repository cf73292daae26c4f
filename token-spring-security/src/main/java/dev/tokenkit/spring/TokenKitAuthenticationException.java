package dev.tokenkit.spring;

import java.util.Objects;

import org.springframework.security.core.AuthenticationException;

import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * A failed token authentication on its way to the {@link TokenKitErrorHandler}, carrying the protocol
 * error to answer ({@code 400}, {@code 401} or {@code 503}).
 *
 * @since 0.1.0
 */
public final class TokenKitAuthenticationException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final transient TokenKitHttpException error;

	/**
	 * Creates the exception.
	 *
	 * @param error the protocol error to answer
	 */
	public TokenKitAuthenticationException(TokenKitHttpException error) {
		super(Objects.requireNonNull(error, "error cannot be null").getMessage());
		this.error = error;
	}

	/**
	 * The protocol error to answer.
	 *
	 * @return the error
	 */
	public TokenKitHttpException error() {
		return this.error;
	}

}
