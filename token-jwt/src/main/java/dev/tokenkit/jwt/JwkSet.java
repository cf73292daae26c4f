package dev.tokenkit.jwt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.jsonwebtoken.security.Jwks;

/**
 * The public half of a {@link JwtTokenService}'s keys as a JWK Set (RFC 7517 section 5), for services that verify
 * tokenkit's JWTs themselves: one JWK per asymmetric key (RS256, ES256, EdDSA) with its {@code kid}, {@code alg} and
 * {@code use: sig}, the signing key first. A secret (HS256) key is never in it: whoever could verify with it could
 * sign. The JWKs are built by jjwt's {@link Jwks} and written with tokenkit's Jackson writer.
 *
 * @since 0.1.0
 */
public final class JwkSet {

	private final List<String> kids;

	private final String json;

	private JwkSet(List<String> kids, String json) {
		this.kids = List.copyOf(kids);
		this.json = json;
	}

	/**
	 * The JWK Set of some keys: those with a public verification key, in the given order.
	 *
	 * @param keys the keys, the signing key first
	 * @return the set, empty when every key is a secret
	 */
	public static JwkSet of(Collection<JwtKey> keys) {
		List<String> kids = new ArrayList<>();
		List<Map<String, ?>> jwks = new ArrayList<>();
		for (JwtKey key : keys) {
			if (key.verificationKey() instanceof PublicKey publicKey) {
				kids.add(key.kid());
				jwks.add(Jwks.builder()
					.key(publicKey)
					.id(key.kid())
					.algorithm(key.algorithm().getId())
					.publicKeyUse("sig")
					.build());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		JacksonJwtJson.serializer().serialize(Map.of("keys", jwks), out);
		return new JwkSet(kids, out.toString(StandardCharsets.UTF_8));
	}

	/**
	 * The {@code kid}s of the published keys, in order.
	 *
	 * @return the key ids
	 */
	public List<String> kids() {
		return this.kids;
	}

	/**
	 * The set as JSON, {@code {"keys":[...]}}, for {@code application/jwk-set+json} answers.
	 *
	 * @return the JSON text
	 */
	public String json() {
		return this.json;
	}

}
