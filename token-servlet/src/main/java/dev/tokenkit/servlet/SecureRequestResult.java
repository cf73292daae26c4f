package dev.tokenkit.servlet;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.observation.FailureReason;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * What {@link SecureRequestChecker} found for a secure request: the token's principal, or the error to answer and
 * why. Either the principal is set, or the error and the reason are.
 *
 * @param principal the principal of an authenticated request, else {@code null}
 * @param error the answer for a refused request (status, code, fixed message, challenge), else {@code null}
 * @param reason why the request was refused, for metrics and audit events only (a client is never told), else
 *     {@code null}
 * @since 0.1.0
 */
public record SecureRequestResult(@Nullable TokenPrincipal principal, @Nullable TokenKitHttpException error,
		@Nullable FailureReason reason) {

	/**
	 * Checks that either the principal is set, or the error and the reason are.
	 *
	 * @param principal the principal, or {@code null}
	 * @param error the error, or {@code null}
	 * @param reason the reason, or {@code null}
	 */
	public SecureRequestResult {
		if ((principal == null) == (error == null) || (error == null) != (reason == null)) {
			throw new IllegalArgumentException("Either the principal, or the error and the reason must be set");
		}
	}

	/**
	 * An authenticated request.
	 *
	 * @param principal the token's principal
	 * @return the result
	 */
	public static SecureRequestResult authenticated(TokenPrincipal principal) {
		return new SecureRequestResult(Objects.requireNonNull(principal, "principal cannot be null"), null, null);
	}

	/**
	 * A refused request.
	 *
	 * @param error the answer
	 * @param reason why it was refused
	 * @return the result
	 */
	public static SecureRequestResult refused(TokenKitHttpException error, FailureReason reason) {
		return new SecureRequestResult(null, Objects.requireNonNull(error, "error cannot be null"),
				Objects.requireNonNull(reason, "reason cannot be null"));
	}

}
