package dev.tokenkit.spring.resourceserver;

import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

import dev.tokenkit.core.ActiveToken;
import dev.tokenkit.core.TokenService;

/**
 * Spring Security's {@link JwtDecoder} over a tokenkit {@code JwtTokenService} built with tokenkit's keys and over
 * the store it shares, for {@code http.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.decoder(...)))}:
 * unlike a decoder over a JWK Set, it sees revocations (logouts, revoke-all) on the very next request, because tokenkit
 * checks its revocation records in the store.
 *
 * <p>tokenkit verifies the token (signature, {@code typ: at+jwt}, algorithm pinned per {@code kid}, {@code iss},
 * {@code aud}, {@code exp}, revocation); only then are its header and claims read, with Nimbus, into the {@link Jwt}
 * Spring's converters see (claims converted as Spring's {@link MappedJwtClaimSetConverter} does). Map the
 * {@code authorities} claim with a {@code JwtGrantedAuthoritiesConverter} whose claim name is {@code authorities} and
 * prefix empty. A refused token is a {@link BadJwtException} ({@code 401 invalid_token}); a store that cannot be reached
 * a {@link JwtException}, so that the request fails rather than passes. A check is not a use unless
 * {@link #setCountsAsUse(boolean)} says so (JWTs do not slide either way).
 *
 * @since 0.1.0
 */
public final class TokenKitJwtDecoder extends TokenCheckingAdapter implements JwtDecoder {

	private final MappedJwtClaimSetConverter claims = MappedJwtClaimSetConverter.withDefaults(Collections.emptyMap());

	/**
	 * Creates the decoder.
	 *
	 * @param tokens the JWT token service, with tokenkit's keys, over the shared store
	 */
	public TokenKitJwtDecoder(TokenService tokens) {
		super(tokens);
	}

	@Override
	public Jwt decode(String token) {
		ActiveToken active = check(token, BadJwtException::new, JwtException::new);
		JWT parsed;
		Map<String, Object> claimSet;
		try {
			parsed = JWTParser.parse(token);
			claimSet = new LinkedHashMap<>(parsed.getJWTClaimsSet().getClaims());
		}
		catch (ParseException ex) {
			// tokenkit verified it, so only a token service that does not issue JWTs gets here
			throw new BadJwtException("The token is not a JWT");
		}
		Map<String, Object> converted = this.claims.convert(claimSet);
		return Jwt.withTokenValue(token)
			.headers((headers) -> headers.putAll(parsed.getHeader().toJSONObject()))
			.claims((all) -> all.putAll(Objects.requireNonNull(converted)))
			.issuedAt(active.issuedAt())
			.expiresAt(active.expiresAt())
			.build();
	}

}
