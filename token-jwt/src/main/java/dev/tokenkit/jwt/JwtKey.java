package dev.tokenkit.jwt;

import java.security.Key;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Objects;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.WeakKeyException;
import io.jsonwebtoken.security.Keys;
import org.jspecify.annotations.Nullable;

/**
 * One key of a {@link JwtTokenService}'s key set: its id ({@code kid}), the one algorithm tokens signed with it may
 * use, the key that verifies them, and (for the active key) the key that signs them. Tokens whose header names
 * another algorithm for this {@code kid} are refused, which pins the algorithm family to the configured key.
 *
 * @param kid the key id written into every token's header
 * @param algorithm the one signature algorithm of this key
 * @param verificationKey the secret or public key that verifies signatures
 * @param signingKey the secret or private key that signs, or {@code null} for a key kept only to verify
 * @since 0.1.0
 */
public record JwtKey(String kid, SecureDigestAlgorithm<? extends Key, ? extends Key> algorithm, Key verificationKey,
		@Nullable Key signingKey) {

	/** The fewest bytes an HS256 secret may have (RFC 7518 section 3.2: at least the hash size, 256 bits). */
	public static final int MIN_HMAC_SECRET_BYTES = 32;

	/**
	 * Checks the values.
	 *
	 * @param kid the key id
	 * @param algorithm the algorithm
	 * @param verificationKey the verification key
	 * @param signingKey the signing key, or {@code null}
	 */
	public JwtKey {
		Objects.requireNonNull(kid, "kid cannot be null");
		if (kid.isBlank()) {
			throw new IllegalArgumentException("kid cannot be blank");
		}
		Objects.requireNonNull(algorithm, "algorithm cannot be null");
		Objects.requireNonNull(verificationKey, "verificationKey cannot be null");
	}

	/**
	 * An HS256 key from a shared secret.
	 *
	 * @param kid the key id
	 * @param secret at least 32 random bytes
	 * @return the key
	 * @throws IllegalArgumentException if the secret is shorter than 256 bits
	 */
	public static JwtKey hs256(String kid, byte[] secret) {
		if (secret.length < MIN_HMAC_SECRET_BYTES) {
			throw new IllegalArgumentException("An HS256 secret needs at least 256 bits (32 bytes); this one has "
					+ (secret.length * 8) + " bits. Use 32 or more random bytes.");
		}
		try {
			Key key = Keys.hmacShaKeyFor(secret);
			return new JwtKey(kid, Jwts.SIG.HS256, key, key);
		}
		catch (WeakKeyException ex) {
			throw new IllegalArgumentException("The HS256 secret is too weak: " + ex.getMessage(), ex);
		}
	}

	/**
	 * An RS256 key pair (RSA, 2048 bits or more).
	 *
	 * @param kid the key id
	 * @param keys the RSA key pair
	 * @return the key
	 */
	public static JwtKey rs256(String kid, KeyPair keys) {
		return new JwtKey(kid, Jwts.SIG.RS256, keys.getPublic(), keys.getPrivate());
	}

	/**
	 * An ES256 key pair (EC P-256).
	 *
	 * @param kid the key id
	 * @param keys the EC key pair
	 * @return the key
	 */
	public static JwtKey es256(String kid, KeyPair keys) {
		return new JwtKey(kid, Jwts.SIG.ES256, keys.getPublic(), keys.getPrivate());
	}

	/**
	 * An EdDSA key pair (Ed25519 or Ed448).
	 *
	 * @param kid the key id
	 * @param keys the EdDSA key pair
	 * @return the key
	 */
	public static JwtKey eddsa(String kid, KeyPair keys) {
		return new JwtKey(kid, Jwts.SIG.EdDSA, keys.getPublic(), keys.getPrivate());
	}

	/**
	 * A key kept only to verify tokens signed before a rotation: another node or an older key signs.
	 *
	 * @param kid the key id
	 * @param algorithm the algorithm its tokens use
	 * @param publicKey the public key
	 * @return the key
	 */
	public static JwtKey verifyOnly(String kid, SecureDigestAlgorithm<? extends Key, ? extends Key> algorithm,
			PublicKey publicKey) {
		return new JwtKey(kid, algorithm, publicKey, null);
	}

	/**
	 * Describes the key without its secrets.
	 *
	 * @return the kid and algorithm
	 */
	@Override
	public String toString() {
		return "JwtKey[kid=" + this.kid + ", algorithm=" + this.algorithm.getId() + "]";
	}

}
