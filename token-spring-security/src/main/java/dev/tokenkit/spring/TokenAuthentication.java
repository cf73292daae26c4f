package dev.tokenkit.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.Transient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import dev.tokenkit.core.TokenPrincipal;

/**
 * The {@link org.springframework.security.core.Authentication} of a request that presented a valid token: the principal
 * is the {@link TokenPrincipal} (so {@code @AuthenticationPrincipal TokenPrincipal} works), the authorities are the
 * account's, and there are no credentials to keep. It is {@link Transient}: no security context repository ever keeps it
 * in an HTTP session.
 *
 * @since 0.1.0
 */
@Transient
public final class TokenAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final TokenPrincipal principal;

	/**
	 * Creates an authenticated token authentication.
	 *
	 * @param principal the token's principal
	 */
	public TokenAuthentication(TokenPrincipal principal) {
		super(authorities(Objects.requireNonNull(principal, "principal cannot be null")));
		this.principal = principal;
		setAuthenticated(true);
	}

	/** The account's authorities, made with a loop: this runs on every secure request. */
	private static List<GrantedAuthority> authorities(TokenPrincipal principal) {
		List<GrantedAuthority> authorities = new ArrayList<>(principal.authorities().size());
		for (String authority : principal.authorities()) {
			authorities.add(new SimpleGrantedAuthority(authority));
		}
		return authorities;
	}

	@Override
	public TokenPrincipal getPrincipal() {
		return this.principal;
	}

	/**
	 * Nothing: the token is not kept.
	 *
	 * @return {@code null}
	 */
	@Override
	public Object getCredentials() {
		return null;
	}

}
