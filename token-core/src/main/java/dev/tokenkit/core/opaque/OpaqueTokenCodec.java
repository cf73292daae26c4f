package dev.tokenkit.core.opaque;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;

/**
 * The text of an opaque token: {@value #PREFIX}, then 256 bits from {@link SecureRandom} in base64url (43
 * characters), then a CRC-32C of everything before it in base64url (6 characters); 52 characters in all, every one of
 * them in RFC 6750's {@code b64token} alphabet and safe in a URL query without escaping.
 *
 * <p>The checksum is not a secret and proves nothing about who made the token; it lets a mistyped, truncated or
 * made-up token be refused without a store lookup.
 *
 * @since 0.1.0
 */
public final class OpaqueTokenCodec {

	/** The prefix of every opaque token, which also makes tokens easy to find by secret scanners. */
	public static final String PREFIX = "tk_";

	/** The length of every opaque token. */
	public static final int LENGTH = 52;

	private static final int RANDOM_BYTES = 32;

	private static final int CHECKSUM_START = LENGTH - 6;

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final SecureRandom random;

	/**
	 * Creates a codec drawing from the given random source.
	 *
	 * @param random a cryptographically strong random source
	 */
	public OpaqueTokenCodec(SecureRandom random) {
		this.random = Objects.requireNonNull(random, "random cannot be null");
	}

	/**
	 * Makes a new token.
	 *
	 * @return the token's text
	 */
	public String generate() {
		byte[] randomBytes = new byte[RANDOM_BYTES];
		this.random.nextBytes(randomBytes);
		byte[] body = (PREFIX + BASE64URL.encodeToString(randomBytes)).getBytes(StandardCharsets.US_ASCII);
		return new String(body, StandardCharsets.US_ASCII) + new String(checksum(body), StandardCharsets.US_ASCII);
	}

	/**
	 * Whether a text has the exact shape of a token this codec makes: length, prefix, alphabet and checksum. No
	 * normalisation: surrounding white space or a changed case makes a token malformed.
	 *
	 * @param token the text as presented, untrusted, possibly {@code null}
	 * @return {@code true} if it is well-formed
	 */
	public static boolean isWellFormed(@Nullable String token) {
		if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
			return false;
		}
		for (int i = PREFIX.length(); i < LENGTH; i++) {
			if (!isBase64Url(token.charAt(i))) {
				return false;
			}
		}
		byte[] bytes = token.getBytes(StandardCharsets.US_ASCII);
		return Arrays.equals(checksum(bytes), 0, 6, bytes, CHECKSUM_START, LENGTH);
	}

	private static byte[] checksum(byte[] token) {
		CRC32C crc = new CRC32C();
		crc.update(token, 0, CHECKSUM_START);
		byte[] value = ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
		return BASE64URL.encode(value);
	}

	private static boolean isBase64Url(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
	}

}
