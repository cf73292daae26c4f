package dev.tokenkit.jwt;

import java.security.Key;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.security.SecureDigestAlgorithm;

/**
 * The keys of a {@link JwtTokenService}, and the jjwt key locator over them: a token's {@code kid} picks the key, and
 * its {@code alg} must be that key's one algorithm. A token without a {@code kid}, with an unknown one, or with another
 * algorithm is refused before any signature check.
 */
final class JwtKeySet extends LocatorAdapter<Key> {

	/** The {@code typ} of tokenkit's tokens: an OAuth 2.0 access token in JWT form (RFC 9068). */
	static final String ACCESS_TOKEN_TYPE = "at+jwt";

	private final Map<String, JwtKey> keys;

	private final JwtKey active;

	JwtKeySet(Map<String, JwtKey> keys, String activeKid) {
		this.keys = Map.copyOf(keys);
		JwtKey active = this.keys.get(activeKid);
		if (active == null || active.signingKey() == null) {
			throw new IllegalStateException("The active key " + activeKid + " is not in the key set or cannot sign");
		}
		this.active = active;
	}

	/**
	 * Signs and verifies a probe with a signing key, so that a key that cannot work with its algorithm (a short RSA
	 * key, an EC key of the wrong curve) fails at start-up rather than on every login.
	 */
	@SuppressWarnings("unchecked") // each key's algorithm matches its own key type, as JwtKey's factories make it
	static void checkSignsAndVerifies(JwtKey key) {
		if (key.signingKey() == null) {
			return;
		}
		try {
			String probe = Jwts.builder()
				.json(JacksonJwtJson.serializer())
				.subject("probe")
				.signWith(key.signingKey(), (SecureDigestAlgorithm<Key, ?>) key.algorithm())
				.compact();
			Jwts.parser()
				.json(JacksonJwtJson.deserializer())
				.keyLocator((header) -> key.verificationKey())
				.build()
				.parseSignedClaims(probe);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The JWT key " + key.kid() + " cannot sign and verify with "
					+ key.algorithm().getId() + ": " + ex.getMessage(), ex);
		}
	}

	JwtKey active() {
		return this.active;
	}

	/** Every key, the active one first and the others by {@code kid}. */
	List<JwtKey> inOrder() {
		List<JwtKey> keys = new ArrayList<>();
		keys.add(this.active);
		this.keys.values()
			.stream()
			.filter((key) -> key != this.active)
			.sorted(Comparator.comparing(JwtKey::kid))
			.forEach(keys::add);
		return keys;
	}

	@Override
	protected Key locate(JwsHeader header) {
		JwtKey key = (header.getKeyId() != null) ? this.keys.get(header.getKeyId()) : null;
		if (key == null || !Objects.equals(header.getAlgorithm(), key.algorithm().getId())
				|| !ACCESS_TOKEN_TYPE.equals(header.getType())) {
			throw new MalformedJwtException("No key for this kid and algorithm");
		}
		return key.verificationKey();
	}

}
