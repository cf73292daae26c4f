package dev.tokenkit.servlet;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import dev.tokenkit.core.TokenPrincipal;

/**
 * A request authenticated by a token: {@code getUserPrincipal()} is the {@link TokenPrincipal}, {@code getRemoteUser()}
 * its username, {@code getAuthType()} {@value #AUTH_TYPE}, and {@code isUserInRole(role)} is true when the account has
 * the authority {@code role} or {@code ROLE_role}.
 *
 * @since 0.1.0
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

	/** The authentication type tokenkit reports. */
	public static final String AUTH_TYPE = "Bearer";

	private final TokenPrincipal principal;

	/**
	 * Wraps a request.
	 *
	 * @param request the request
	 * @param principal the token's principal
	 */
	public AuthenticatedRequest(HttpServletRequest request, TokenPrincipal principal) {
		super(request);
		this.principal = principal;
	}

	@Override
	public Principal getUserPrincipal() {
		return this.principal;
	}

	@Override
	public String getRemoteUser() {
		return this.principal.username();
	}

	@Override
	public String getAuthType() {
		return AUTH_TYPE;
	}

	@Override
	public boolean isUserInRole(String role) {
		return this.principal.authorities().contains(role) || this.principal.authorities().contains("ROLE_" + role);
	}

}
