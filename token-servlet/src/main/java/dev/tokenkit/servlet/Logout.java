package dev.tokenkit.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.format.TokenResponseWriter;

/**
 * {@code DELETE} on an issuing path: revokes the token the request carries, in any carrier the {@link TokenResolver}
 * reads, and answers {@code 204}. Revoking a token that is unknown or already dead also answers {@code 204}, so that
 * logout is idempotent and says nothing about the token; a request with no token is {@code 401}.
 */
final class Logout {

	private final TokenService tokenService;

	private final TokenResolver tokenResolver = new TokenResolver();

	private final TokenResponseWriter writer;

	Logout(TokenService tokenService, TokenResponseWriter writer) {
		this.tokenService = tokenService;
		this.writer = writer;
	}

	void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String token = this.tokenResolver.resolve(request);
		if (token == null) {
			throw TokenErrors.missingToken();
		}
		try {
			this.tokenService.revoke(token);
		}
		catch (StoreUnavailableException ex) {
			throw TokenErrors.unavailable();
		}
		this.writer.noStore(response);
		response.setStatus(HttpServletResponse.SC_NO_CONTENT);
	}

}
