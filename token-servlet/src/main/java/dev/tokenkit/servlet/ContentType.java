package dev.tokenkit.servlet;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * The body formats tokenkit reads, picked from a {@code Content-Type} header. Only UTF-8 (or no charset) is read.
 *
 * @since 0.1.0
 */
enum ContentType {

	/** {@code application/json}. */
	JSON,

	/** {@code application/xml} or {@code text/xml}. */
	XML;

	/**
	 * Picks the body format of a {@code Content-Type} header.
	 *
	 * @param header the header value
	 * @return the format
	 * @throws TokenKitHttpException {@code 415} for another type, {@code 400} for a charset other than UTF-8
	 */
	public static ContentType of(String header) {
		String[] parts = header.split(";");
		String type = (parts.length > 0) ? parts[0].trim().toLowerCase(Locale.ROOT) : "";
		ContentType format = switch (type) {
			case "application/json" -> JSON;
			case "application/xml", "text/xml" -> XML;
			default -> throw TokenErrors.unsupportedMediaType();
		};
		for (int i = 1; i < parts.length; i++) {
			String[] parameter = parts[i].split("=", 2);
			if (parameter[0].trim().equalsIgnoreCase("charset") && (parameter.length < 2
					|| !unquote(parameter[1].trim()).equalsIgnoreCase("utf-8"))) {
				throw TokenErrors.badRequest("The request body must be UTF-8");
			}
		}
		return format;
	}

	/**
	 * Guesses the format of a body sent without a {@code Content-Type} from its first non-blank character.
	 *
	 * @param body the body text
	 * @return the format, or {@code null} when the body is neither
	 */
	public static @Nullable ContentType sniff(String body) {
		String start = body.stripLeading();
		if (start.startsWith("<")) {
			return XML;
		}
		return start.startsWith("{") ? JSON : null;
	}

	private static String unquote(String value) {
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

}
