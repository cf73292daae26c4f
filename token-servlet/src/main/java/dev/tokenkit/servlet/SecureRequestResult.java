package dev.tokenkit.servlet;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * What {@link SecureRequestChecker} found for a secure request: the token's principal, or the error to answer.
 * Exactly one of the two is set.
 *
 * @param principal the principal of an authenticated request, else {@code null}
 * @param error the answer for a refused request (status, code, fixed message, challenge), else {@code null}
 * @since 0.1.0
 */
public record SecureRequestResult(@Nullable TokenPrincipal principal, @Nullable TokenKitHttpException error) {

	/**
	 * Checks that exactly one of principal and error is set.
	 *
	 * @param principal the principal, or {@code null}
	 * @param error the error, or {@code null}
	 */
	public SecureRequestResult {
		if ((principal == null) == (error == null)) {
			throw new IllegalArgumentException("Exactly one of principal and error must be set");
		}
	}

	/**
	 * An authenticated request.
	 *
	 * @param principal the token's principal
	 * @return the result
	 */
	public static SecureRequestResult authenticated(TokenPrincipal principal) {
		return new SecureRequestResult(Objects.requireNonNull(principal, "principal cannot be null"), null);
	}

	/**
	 * A refused request.
	 *
	 * @param error the answer
	 * @return the result
	 */
	public static SecureRequestResult refused(TokenKitHttpException error) {
		return new SecureRequestResult(null, Objects.requireNonNull(error, "error cannot be null"));
	}

}
