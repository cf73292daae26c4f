package dev.tokenkit.core.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 of a token's text: the key under which stores keep a token, so that the token itself is never stored.
 * Held as four {@code long}s to keep a store's memory per token small. {@link #toString()} does not show the hash.
 *
 * @since 0.1.0
 */
public final class TokenHash {

	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(TokenHash::newSha256);

	private final long bits0;

	private final long bits1;

	private final long bits2;

	private final long bits3;

	private TokenHash(ByteBuffer digest) {
		this.bits0 = digest.getLong();
		this.bits1 = digest.getLong();
		this.bits2 = digest.getLong();
		this.bits3 = digest.getLong();
	}

	/**
	 * Hashes a token's text.
	 *
	 * @param token the token's text
	 * @return its hash
	 */
	public static TokenHash of(String token) {
		Objects.requireNonNull(token, "token cannot be null");
		byte[] digest = SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8));
		return new TokenHash(ByteBuffer.wrap(digest));
	}

	/**
	 * Reads a hash back from its {@link #toHex() hex form}.
	 *
	 * @param hex 64 hex characters
	 * @return the hash
	 * @throws IllegalArgumentException if the text is not 64 hex characters
	 */
	public static TokenHash fromHex(String hex) {
		Objects.requireNonNull(hex, "hex cannot be null");
		if (hex.length() != 64) {
			throw new IllegalArgumentException("hex must be 64 characters");
		}
		return new TokenHash(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
	}

	/**
	 * The hash as 64 lower-case hex characters, the form JDBC and Redis stores keep.
	 *
	 * @return the hex form
	 */
	public String toHex() {
		HexFormat hex = HexFormat.of();
		return hex.toHexDigits(this.bits0) + hex.toHexDigits(this.bits1) + hex.toHexDigits(this.bits2)
				+ hex.toHexDigits(this.bits3);
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		return (other instanceof TokenHash that) && this.bits0 == that.bits0 && this.bits1 == that.bits1
				&& this.bits2 == that.bits2 && this.bits3 == that.bits3;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.bits0);
	}

	/**
	 * A placeholder: token hashes stay out of logs.
	 *
	 * @return {@code "TokenHash[PROTECTED]"}
	 */
	@Override
	public String toString() {
		return "TokenHash[PROTECTED]";
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform must support SHA-256", ex);
		}
	}

}
