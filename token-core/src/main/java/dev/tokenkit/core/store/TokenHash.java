package dev.tokenkit.core.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 of a token's text: the key under which stores keep a token, so that the token itself is never stored.
 * Held as four {@code long}s to keep a store's memory per token small. {@link #toString()} does not show the hash.
 *
 * @since 0.1.0
 */
public final class TokenHash {

	private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	private final long bits0;

	private final long bits1;

	private final long bits2;

	private final long bits3;

	private TokenHash(byte[] digest) {
		this.bits0 = (long) LONGS.get(digest, 0);
		this.bits1 = (long) LONGS.get(digest, 8);
		this.bits2 = (long) LONGS.get(digest, 16);
		this.bits3 = (long) LONGS.get(digest, 24);
	}

	/**
	 * Hashes a token's text.
	 *
	 * @param token the token's text
	 * @return its hash
	 */
	public static TokenHash of(String token) {
		Objects.requireNonNull(token, "token cannot be null");
		return new TokenHash(HASHER.get().sha256(token));
	}

	/**
	 * Hashes a token's text given as ASCII bytes: the same hash as {@link #of(String)} of that text, without the
	 * copy. Bytes are hashed as given: a byte of 128 or more does not stand for the character {@link #of(String)}
	 * would encode.
	 *
	 * @param ascii the token's characters, each below 128
	 * @param length how many of the bytes are the token
	 * @return its hash
	 */
	public static TokenHash ofAscii(byte[] ascii, int length) {
		Objects.requireNonNull(ascii, "ascii cannot be null");
		return new TokenHash(HASHER.get().sha256(ascii, length));
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
		return new TokenHash(HexFormat.of().parseHex(hex));
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

	/**
	 * A public name of the token, for its owner's list of live tokens and for revoking one of them: 96 bits of the
	 * SHA-256 of this hash (with a label of its own), as 16 base64url characters. It gives away neither the token nor
	 * this hash, and is the same on every node.
	 *
	 * @return the handle
	 */
	public String handle() {
		byte[] digest = Hasher.newSha256().digest(("tokenkit-handle:" + toHex()).getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
	}

	/**
	 * Whether a text has a {@link #handle() handle}'s form, 16 base64url characters: anything else names no token.
	 *
	 * @param text the text
	 * @return whether it could be a handle
	 */
	public static boolean isHandle(String text) {
		return text.length() == 16 && text.chars().allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
				|| (c >= '0' && c <= '9') || c == '-' || c == '_');
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

	/**
	 * One thread's SHA-256 with its buffers: a check hashes its token without allocating. ASCII text (every token
	 * tokenkit makes) is copied into the input buffer as is, which is its UTF-8 form; other text is encoded.
	 */
	private static final class Hasher {

		private final MessageDigest sha256 = newSha256();

		private final byte[] input = new byte[1024];

		private final byte[] output = new byte[32];

		byte[] sha256(String text) {
			int length = text.length();
			if (length <= this.input.length && copiedAscii(text, length)) {
				return sha256(this.input, length);
			}
			byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
			return sha256(utf8, utf8.length);
		}

		byte[] sha256(byte[] bytes, int length) {
			this.sha256.update(bytes, 0, length);
			if (bytes == this.input) {
				// No token text lingers in this thread's buffer.
				Arrays.fill(this.input, 0, length, (byte) 0);
			}
			try {
				this.sha256.digest(this.output, 0, this.output.length);
			}
			catch (DigestException ex) {
				throw new IllegalStateException("A SHA-256 digest is 32 bytes", ex);
			}
			return this.output;
		}

		private boolean copiedAscii(String text, int length) {
			for (int i = 0; i < length; i++) {
				char c = text.charAt(i);
				if (c >= 0x80) {
					return false;
				}
				this.input[i] = (byte) c;
			}
			return true;
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

}
