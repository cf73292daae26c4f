package dev.tokenkit.spring;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;
import dev.tokenkit.servlet.format.AcceptHeader;
import dev.tokenkit.servlet.format.TokenResponseWriter;

/**
 * The entry point and access-denied handler of token routes: answers with tokenkit's error body, in the format the
 * {@code Accept} header asks for, and the {@code WWW-Authenticate} challenge of RFC 6750. As the entry point it writes
 * the error a {@link TokenKitAuthenticationException} carries, or {@code 401} without an error code for any other
 * authentication failure (no token at all); as the access-denied handler, {@code 403 insufficient_scope} (RFC 6750
 * section 3.1).
 *
 * @since 0.1.0
 */
public final class TokenKitErrorHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final TokenResponseWriter writer;

	/**
	 * Creates the handler.
	 *
	 * @param realm the realm named in challenges, letters, digits and {@code -._ } only
	 */
	public TokenKitErrorHandler(String realm) {
		this.writer = new TokenResponseWriter(realm);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		write(request, response, (authException instanceof TokenKitAuthenticationException tokenKit) ? tokenKit.error()
				: TokenErrors.missingToken());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		write(request, response, TokenErrors.insufficientScope());
	}

	private void write(HttpServletRequest request, HttpServletResponse response, TokenKitHttpException error)
			throws IOException {
		this.writer.writeError(response, AcceptHeader.forErrors(request.getHeader("Accept")), null, error);
	}

}
