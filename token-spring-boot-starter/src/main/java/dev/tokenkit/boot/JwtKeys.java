package dev.tokenkit.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
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
		String family = switch (algorithm) {
			case "RS256" -> "RSA";
			case "ES256" -> "EC";
			case "EDDSA" -> "Ed25519";
			default -> throw new TokenKitConfigurationException(prefix + "algorithm",
					"'" + algorithm + "' is not one of RS256, ES256 or EdDSA.");
		};
		KeyPair pair = (key.keyStore() != null) ? fromKeyStore(key, key.keyStore(), prefix) : fromPem(key, family, prefix);
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

	private static KeyPair fromPem(TokenKitProperties.Key key, String family, String prefix) {
		PrivateKey privateKey = privateKey(require(key.privateKey(), prefix + "private-key"), prefix + "private-key");
		return new KeyPair(publicKey(require(key.publicKey(), prefix + "public-key"), family, prefix + "public-key"),
				privateKey);
	}

	private static KeyPair fromKeyStore(TokenKitProperties.Key key, Resource resource, String prefix) {
		String alias = require(key.alias(), prefix + "alias");
		char[] password = (key.keyStorePassword() != null) ? key.keyStorePassword().toCharArray() : new char[0];
		try (InputStream in = resource.getInputStream()) {
			KeyStore store = KeyStore.getInstance(key.keyStoreType());
			store.load(in, password);
			Key privateKey = store.getKey(alias, password);
			Certificate certificate = store.getCertificate(alias);
			if (!(privateKey instanceof PrivateKey found) || certificate == null) {
				throw new TokenKitConfigurationException(prefix + "alias",
						"No private key with a certificate under '" + alias + "' in " + resource.getDescription() + ".");
			}
			return new KeyPair(certificate.getPublicKey(), found);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new TokenKitConfigurationException(prefix + "key-store", "The key store " + resource.getDescription()
					+ " cannot be read with its type and password.");
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
