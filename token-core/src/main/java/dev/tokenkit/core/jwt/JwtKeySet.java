package dev.tokenkit.core.jwt;

import java.security.Key;
import java.util.Map;
import java.util.Objects;

import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.MalformedJwtException;

/**
 * The keys of a {@link JwtTokenService}, and the jjwt key locator over them: a token's {@code kid} picks the key, and
 * its {@code alg} must be that key's one algorithm. A token without a {@code kid}, with an unknown one, or with another
 * algorithm is refused before any signature check.
 */
final class JwtKeySet extends LocatorAdapter<Key> {

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

	JwtKey active() {
		return this.active;
	}

	@Override
	protected Key locate(JwsHeader header) {
		JwtKey key = (header.getKeyId() != null) ? this.keys.get(header.getKeyId()) : null;
		if (key == null || !Objects.equals(header.getAlgorithm(), key.algorithm().getId())) {
			throw new MalformedJwtException("No key for this kid and algorithm");
		}
		return key.verificationKey();
	}

}
