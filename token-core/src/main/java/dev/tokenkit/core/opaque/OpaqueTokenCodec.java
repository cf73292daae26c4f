package dev.tokenkit.core.opaque;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
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

	private static final String BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	/** Which ASCII characters are in the base64url alphabet; {@code _} is also the prefix's. */
	private static final boolean[] BASE64URL_CHARACTER = new boolean[128];

	static {
		BASE64URL_ALPHABET.chars().forEach((c) -> BASE64URL_CHARACTER[c] = true);
	}

	/** Each thread's buffer for a token's text, so that a check allocates nothing. */
	private static final ThreadLocal<byte[]> TEXT = ThreadLocal.withInitial(() -> new byte[LENGTH]);

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
		return wellFormedText(token) != null;
	}

	/**
	 * A well-formed token's text as ASCII bytes, in a buffer of the calling thread's that the next call overwrites, so
	 * that a check and the hash after it need no allocation.
	 *
	 * @param token the text as presented, untrusted, possibly {@code null}
	 * @return the {@value #LENGTH} bytes, or {@code null} if the text is not well-formed
	 */
	static byte @Nullable [] wellFormedText(@Nullable String token) {
		if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
			return null;
		}
		byte[] text = TEXT.get();
		for (int i = 0; i < LENGTH; i++) {
			char c = token.charAt(i);
			if (c >= 128 || !BASE64URL_CHARACTER[c]) {
				return null;
			}
			text[i] = (byte) c;
		}
		long checksum = checksumBits(text);
		for (int i = 0; i < 6; i++) {
			if (text[CHECKSUM_START + i] != BASE64URL_ALPHABET.charAt((int) (checksum >>> (30 - 6 * i)) & 63)) {
				return null;
			}
		}
		return text;
	}

	private static byte[] checksum(byte[] body) {
		long checksum = checksumBits(body);
		byte[] text = new byte[6];
		for (int i = 0; i < 6; i++) {
			text[i] = (byte) BASE64URL_ALPHABET.charAt((int) (checksum >>> (30 - 6 * i)) & 63);
		}
		return text;
	}

	/** The CRC-32C of a body as the 36 bits its six base64url characters carry: 32 bits of CRC, 4 zero bits. */
	private static long checksumBits(byte[] body) {
		CRC32C crc = new CRC32C();
		crc.update(body, 0, CHECKSUM_START);
		return crc.getValue() << 4;
	}

}
