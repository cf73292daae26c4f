package dev.tokenkit.servlet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * Checks and decodings every credential value goes through, whatever carried it: no control characters (C0, DEL, C1:
 * RFC 7617 section 2 forbids them in credentials), and header values turned back into the UTF-8 their bytes were.
 *
 * @since 0.1.0
 */
final class TextRules {

	private TextRules() {
	}

	/**
	 * Whether a value holds a control character: U+0000 to U+001F, U+007F to U+009F.
	 *
	 * @param value the value
	 * @return {@code true} if it holds one
	 */
	public static boolean hasControlCharacter(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Re-decodes a header value as UTF-8. Containers hand header bytes over as ISO-8859-1 characters; a client that sent
	 * a UTF-8 password must still be checked against that password.
	 *
	 * @param value the header value as the container decoded it, or {@code null}
	 * @return the value as UTF-8 text, or {@code null}
	 * @throws TokenKitHttpException {@code 400} if its bytes are not valid UTF-8
	 */
	public static @Nullable String headerAsUtf8(@Nullable String value) {
		if (value == null || !isLatin1WithHighBytes(value)) {
			return value;
		}
		return strictUtf8(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)), "A header is not valid UTF-8");
	}

	/** Whether every character is a byte (up to 0xFF) and at least one is not ASCII: bytes to re-decode. */
	private static boolean isLatin1WithHighBytes(String value) {
		boolean high = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0xFF) {
				return false;
			}
			high |= c >= 0x80;
		}
		return high;
	}

	/**
	 * Decodes bytes as UTF-8, exactly: malformed input is refused, and every character is kept (a leading byte order
	 * mark too, which only a whole body may drop: see {@link RequestBody#read}).
	 *
	 * @param bytes the bytes
	 * @param message the {@code 400} message when they are not UTF-8
	 * @return the text
	 * @throws TokenKitHttpException {@code 400} if the bytes are not valid UTF-8
	 */
	public static String strictUtf8(ByteBuffer bytes, String message) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw TokenErrors.badRequest(message);
		}
	}

}
