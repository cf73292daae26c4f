package dev.tokenkit.servlet;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * Decodes percent escapes strictly: every escape must be two ASCII hex digits and the bytes must be valid UTF-8.
 *
 * @since 0.1.0
 */
final class PercentDecoder {

	private PercentDecoder() {
	}

	/**
	 * Decodes a query component or a path segment.
	 *
	 * @param encoded the text as sent
	 * @param plusAsSpace whether {@code +} means a space (form encoding, query strings) or itself (paths)
	 * @return the decoded text
	 * @throws TokenKitHttpException {@code 400} if an escape or the UTF-8 is malformed
	 */
	public static String decode(String encoded, boolean plusAsSpace) {
		if (encoded.indexOf('%') < 0 && (!plusAsSpace || encoded.indexOf('+') < 0)) {
			return encoded;
		}
		ByteBuffer bytes = ByteBuffer.allocate(encoded.length() * 3);
		StringBuilder unescaped = new StringBuilder();
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '%') {
				putUtf8(unescaped, bytes);
				bytes.put((byte) ((hexDigit(encoded, i + 1) << 4) | hexDigit(encoded, i + 2)));
				i += 2;
			}
			else {
				unescaped.append((plusAsSpace && c == '+') ? ' ' : c);
			}
		}
		putUtf8(unescaped, bytes);
		bytes.flip();
		return TextRules.strictUtf8(bytes, "The request has malformed percent-encoded UTF-8");
	}

	/**
	 * Encodes a run of unescaped characters as a whole, so that a pair of surrogates (a character outside the Basic
	 * Multilingual Plane, such as an emoji) stays one character; a lone surrogate is malformed.
	 */
	private static void putUtf8(StringBuilder unescaped, ByteBuffer bytes) {
		if (unescaped.isEmpty()) {
			return;
		}
		try {
			bytes.put(StandardCharsets.UTF_8.newEncoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.encode(CharBuffer.wrap(unescaped)));
		}
		catch (CharacterCodingException ex) {
			throw TokenErrors.badRequest("The request has malformed percent-encoded UTF-8");
		}
		unescaped.setLength(0);
	}

	private static int hexDigit(String text, int index) {
		char c = (index < text.length()) ? text.charAt(index) : 0;
		int digit = (c < 128) ? Character.digit(c, 16) : -1;
		if (digit < 0) {
			throw TokenErrors.badRequest("The request has a malformed percent escape");
		}
		return digit;
	}

}
