package dev.tokenkit.spring;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.tokenkit.servlet.format.AcceptHeader;
import dev.tokenkit.servlet.format.TokenResponseWriter;
import dev.tokenkit.servlet.http.TokenErrors;

/**
 * Answers a token-authenticated request that authorization refused with {@code 403 insufficient_scope} (RFC 6750
 * section 3.1) and tokenkit's error body in the format the {@code Accept} header asks for.
 *
 * @since 0.1.0
 */
public final class TokenKitAccessDeniedHandler implements AccessDeniedHandler {

	private final TokenResponseWriter writer = new TokenResponseWriter();

	private final String realm;

	/**
	 * Creates the handler.
	 *
	 * @param realm the realm named in challenges
	 */
	public TokenKitAccessDeniedHandler(String realm) {
		this.realm = realm;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.writer.writeError(response, AcceptHeader.forErrors(request.getHeader("Accept")), null, TokenErrors.insufficientScope(this.realm));
	}

}
