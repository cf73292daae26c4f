package dev.tokenkit.spring;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import dev.tokenkit.servlet.format.AcceptHeader;
import dev.tokenkit.servlet.format.TokenResponseWriter;
import dev.tokenkit.servlet.http.TokenErrors;

/**
 * Answers a failed or missing token authentication on token routes with tokenkit's error body, in the format the
 * {@code Accept} header asks for, and the {@code WWW-Authenticate} challenge of RFC 6750: the error a
 * {@link TokenKitAuthenticationException} carries, or {@code 401} without an error code for any other authentication
 * failure (no token at all).
 *
 * @since 0.1.0
 */
public final class TokenKitAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final TokenResponseWriter writer = new TokenResponseWriter();

	private final String realm;

	/**
	 * Creates the entry point.
	 *
	 * @param realm the realm named in challenges
	 */
	public TokenKitAuthenticationEntryPoint(String realm) {
		this.realm = realm;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.writer.writeError(response, AcceptHeader.forErrors(request.getHeader("Accept")), null,
				(authException instanceof TokenKitAuthenticationException tokenKit) ? tokenKit.error()
						: TokenErrors.missingToken(this.realm));
	}

}
