package dev.tokenkit.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * Reads a request body as UTF-8 text, never more than a limit: a declared length over the limit is refused before a
 * byte is read, and a streamed body is cut off one byte past it. Compressed bodies are refused.
 *
 * @since 0.1.0
 */
final class RequestBody {

	private RequestBody() {
	}

	/**
	 * Reads the body.
	 *
	 * @param request the request
	 * @param maxBytes the most bytes a body may have
	 * @return the body as text without a leading byte order mark, empty when there is none
	 * @throws TokenKitHttpException {@code 413} over the limit, {@code 415} when compressed, {@code 400} when not UTF-8
	 */
	public static String read(HttpServletRequest request, int maxBytes) {
		String encoding = request.getHeader("Content-Encoding");
		if (encoding != null && !encoding.trim().toLowerCase(Locale.ROOT).equals("identity")) {
			throw TokenErrors.unsupportedMediaType();
		}
		if (request.getContentLengthLong() > maxBytes) {
			throw TokenErrors.payloadTooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(maxBytes + 1);
			if (bytes.length > maxBytes) {
				throw TokenErrors.payloadTooLarge();
			}
			String text = TextRules.strictUtf8(ByteBuffer.wrap(bytes), "The request body is not valid UTF-8");
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (IOException ex) {
			throw TokenErrors.badRequest("The request body could not be read");
		}
	}

	/**
	 * The format of a body: from its {@code Content-Type}, or sniffed when it has none.
	 *
	 * @param request the request
	 * @param body the body text
	 * @param sniff whether a body without a {@code Content-Type} may be sniffed
	 * @return the format
	 * @throws TokenKitHttpException {@code 415} for an unsupported or missing type
	 */
	public static ContentType format(HttpServletRequest request, String body, boolean sniff) {
		@Nullable String header = request.getHeader("Content-Type");
		if (header != null && !header.isBlank()) {
			return ContentType.of(header);
		}
		ContentType sniffed = sniff ? ContentType.sniff(body) : null;
		if (sniffed == null) {
			throw TokenErrors.unsupportedMediaType();
		}
		return sniffed;
	}

}
