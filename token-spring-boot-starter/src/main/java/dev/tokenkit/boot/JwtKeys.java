package dev.tokenkit.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.Resource;

import dev.tokenkit.jwt.JwtKey;

/**
 * The JWT keys {@code tokenkit.jwt.*} describes: the asymmetric keys first (the first one signs), then the HS256
 * secret, or one random secret when neither is set. A key that cannot be read stops start-up naming its property,
 * never quoting a secret.
 */
final class JwtKeys {

	/** The shortest HS256 secret accepted: the hash's output length (RFC 7518 section 3.2). */
	static final int MIN_SECRET_BYTES = 32;

	private JwtKeys() {
	}

	static List<JwtKey> from(TokenKitProperties.Jwt jwt) {
		List<JwtKey> keys = new ArrayList<>();
		for (int i = 0; i < jwt.keys().size(); i++) {
			keys.add(asymmetric(jwt.keys().get(i), "tokenkit.jwt.keys[" + i + "]."));
		}
		if (jwt.secret() != null) {
			keys.add(JwtKey.hs256(jwt.secretKid(), secret(jwt.secret())));
		}
		if (keys.isEmpty()) {
			byte[] random = new byte[MIN_SECRET_BYTES];
			new SecureRandom().nextBytes(random);
			keys.add(JwtKey.hs256(jwt.secretKid(), random));
		}
		return keys;
	}

	private static byte[] secret(String base64) {
		byte[] secret;
		try {
			secret = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new TokenKitConfigurationException("tokenkit.jwt.secret", "The secret must be base64.");
		}
		if (secret.length < MIN_SECRET_BYTES) {
			throw new TokenKitConfigurationException("tokenkit.jwt.secret",
					"The secret must decode to at least " + MIN_SECRET_BYTES + " bytes; it decodes to "
							+ secret.length + ".");
		}
		return secret;
	}

	private static JwtKey asymmetric(TokenKitProperties.Key key, String prefix) {
		String kid = require(key.kid(), prefix + "kid");
		String algorithm = require(key.algorithm(), prefix + "algorithm").toUpperCase(Locale.ROOT);
		PrivateKey privateKey = privateKey(require(key.privateKey(), prefix + "private-key"), prefix + "private-key");
		String family = switch (algorithm) {
			case "RS256" -> "RSA";
			case "ES256" -> "EC";
			case "EDDSA" -> "Ed25519";
			default -> throw new TokenKitConfigurationException(prefix + "algorithm",
					"'" + algorithm + "' is not one of RS256, ES256 or EdDSA.");
		};
		KeyPair pair = new KeyPair(publicKey(require(key.publicKey(), prefix + "public-key"), family,
				prefix + "public-key"), privateKey);
		try {
			return switch (family) {
				case "RSA" -> JwtKey.rs256(kid, pair);
				case "EC" -> JwtKey.es256(kid, pair);
				default -> JwtKey.eddsa(kid, pair);
			};
		}
		catch (IllegalArgumentException ex) {
			throw new TokenKitConfigurationException(prefix + "algorithm", ex.getMessage());
		}
	}

	private static PrivateKey privateKey(Resource resource, String property) {
		PrivateKey key = PemContent.of(read(resource, property)).getPrivateKey();
		if (key == null) {
			throw new TokenKitConfigurationException(property,
					"No PKCS#8 private key (BEGIN PRIVATE KEY) in " + resource.getDescription() + ".");
		}
		return key;
	}

	private static PublicKey publicKey(Resource resource, String family, String property) {
		String pem = read(resource, property);
		int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
		int end = pem.indexOf("-----END PUBLIC KEY-----");
		try {
			if (begin < 0 || end < begin) {
				throw new GeneralSecurityException("no public key");
			}
			byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 26, end));
			return KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(der));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new TokenKitConfigurationException(property,
					"No " + family + " public key (BEGIN PUBLIC KEY) in " + resource.getDescription() + ".");
		}
	}

	private static String read(Resource resource, String property) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new TokenKitConfigurationException(property,
					"The file does not exist or cannot be read: " + resource.getDescription() + ".");
		}
	}

	private static <T> T require(@Nullable T value, String property) {
		if (value == null) {
			throw new TokenKitConfigurationException(property, "Every JWT key needs it.");
		}
		return value;
	}

}
