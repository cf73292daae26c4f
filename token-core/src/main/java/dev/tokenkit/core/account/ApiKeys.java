package dev.tokenkit.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How api keys are kept at rest: as the lower-case hex SHA-256 of their UTF-8 bytes, never in clear. Api keys are
 * long random secrets, so a plain hash is enough (OWASP ASVS 6.5.2); matching compares hashes in constant time.
 *
 * @since 0.1.0
 */
public final class ApiKeys {

	private ApiKeys() {
	}

	/**
	 * The hash under which an api key is stored.
	 *
	 * @param apiKey the api key in clear
	 * @return 64 lower-case hex characters
	 */
	public static String hash(String apiKey) {
		Objects.requireNonNull(apiKey, "apiKey cannot be null");
		return HexFormat.of().formatHex(sha256().digest(apiKey.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Whether an api key as sent matches a stored hash, in time that does not depend on where they differ.
	 *
	 * @param apiKey the api key in clear, as sent
	 * @param storedHash the stored hash
	 * @return {@code true} if they match
	 */
	public static boolean matches(String apiKey, String storedHash) {
		byte[] presented = hash(apiKey).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(presented, storedHash.getBytes(StandardCharsets.US_ASCII));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform must support SHA-256", ex);
		}
	}

}
