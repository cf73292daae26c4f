package dev.tokenkit.jwt;

import java.security.Key;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.account.Account;

/**
 * Signs {@link JwtTokenService}'s tokens with the key set's active key: typed {@code at+jwt}, the key's {@code kid} in
 * the header, a random {@code jti}, and the claims the service documents.
 */
final class JwtSigner {

	private final JwtKeySet keys;

	private final @Nullable String issuer;

	private final @Nullable String audience;

	private final SecureRandom random;

	JwtSigner(JwtKeySet keys, @Nullable String issuer, @Nullable String audience, SecureRandom random) {
		this.keys = keys;
		this.issuer = issuer;
		this.audience = audience;
		this.random = random;
	}

	/** A signed token of the account's, valid between the two instants (whole seconds). */
	@SuppressWarnings("unchecked") // each key's algorithm matches its own key type, as JwtKey's factories make it
	String sign(Account account, Instant issuedAt, Instant expiresAt) {
		JwtKey key = this.keys.active();
		var builder = Jwts.builder()
			.json(JacksonJwtJson.serializer())
			.header()
			.keyId(key.kid())
			.type(JwtKeySet.ACCESS_TOKEN_TYPE)
			.and()
			.id(newJti())
			.subject(account.id())
			.issuedAt(Date.from(issuedAt))
			.expiration(Date.from(expiresAt))
			.claim("username", account.username())
			.claim("authorities", List.copyOf(account.authorities()));
		if (this.issuer != null) {
			builder.issuer(this.issuer);
		}
		if (this.audience != null) {
			builder.audience().add(this.audience);
		}
		return builder.signWith(Objects.requireNonNull(key.signingKey()), (SecureDigestAlgorithm<Key, ?>) key.algorithm())
			.compact();
	}

	private String newJti() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
