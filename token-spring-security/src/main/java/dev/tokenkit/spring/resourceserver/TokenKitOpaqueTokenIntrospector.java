package dev.tokenkit.spring.resourceserver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

import dev.tokenkit.core.ActiveToken;
import dev.tokenkit.core.TokenService;

/**
 * Spring Security's {@link OpaqueTokenIntrospector} over a tokenkit {@link TokenService} whose store this service
 * shares, for {@code http.oauth2ResourceServer((server) -> server.opaqueToken((opaque) -> opaque.introspector(...)))}:
 * the token is checked in the store, with no call to tokenkit's introspection endpoint.
 *
 * <p>The principal is named by {@code sub} (the account id), as a remote introspection's is; its attributes are those
 * of tokenkit's introspection answer ({@code sub}, {@code username}, {@code scope} as a list, {@code authorities},
 * {@code iat} and {@code exp} as instants, {@code token_type}), and its authorities are the account's own (for example
 * {@code ROLE_USER}), not {@code SCOPE_}-prefixed. A malformed, unknown, expired or revoked token is a
 * {@link BadOpaqueTokenException} ({@code 401 invalid_token}); a store that cannot be reached an
 * {@link OAuth2IntrospectionException}, so that the request fails rather than passes. A check is not a use unless
 * {@link #setCountsAsUse(boolean)} says so.
 *
 * @since 0.1.0
 */
public final class TokenKitOpaqueTokenIntrospector extends TokenCheckingAdapter
		implements OpaqueTokenIntrospector {

	/**
	 * Creates the introspector.
	 *
	 * @param tokens the token service over the shared store
	 */
	public TokenKitOpaqueTokenIntrospector(TokenService tokens) {
		super(tokens);
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		ActiveToken active = check(token, BadOpaqueTokenException::new, OAuth2IntrospectionException::new);
		List<String> authorities = authorities(active);
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(OAuth2TokenIntrospectionClaimNames.ACTIVE, true);
		attributes.put(OAuth2TokenIntrospectionClaimNames.SUB, active.principal().accountId());
		attributes.put(OAuth2TokenIntrospectionClaimNames.USERNAME, active.principal().username());
		attributes.put(OAuth2TokenIntrospectionClaimNames.SCOPE, authorities);
		attributes.put("authorities", authorities);
		attributes.put(OAuth2TokenIntrospectionClaimNames.IAT, active.issuedAt());
		attributes.put(OAuth2TokenIntrospectionClaimNames.EXP, active.expiresAt());
		attributes.put(OAuth2TokenIntrospectionClaimNames.TOKEN_TYPE, "Bearer");
		List<GrantedAuthority> granted = authorities.stream()
			.<GrantedAuthority>map(SimpleGrantedAuthority::new)
			.toList();
		return new OAuth2IntrospectionAuthenticatedPrincipal(active.principal().accountId(), attributes, granted);
	}

}
