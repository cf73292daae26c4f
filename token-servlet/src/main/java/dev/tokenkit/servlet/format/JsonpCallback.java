package dev.tokenkit.servlet.format;

import java.util.regex.Pattern;

import dev.tokenkit.servlet.error.TokenErrors;

/**
 * Checks a JSONP callback name: a dotted JavaScript identifier ({@code jQuery1124_15.success}) of at most
 * {@value #MAX_LENGTH} characters, so that no script, markup or header can ride in on it.
 *
 * @since 0.1.0
 */
public final class JsonpCallback {

	/** The longest callback accepted. */
	public static final int MAX_LENGTH = 128;

	private static final Pattern DOTTED_IDENTIFIER = Pattern
		.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

	private JsonpCallback() {
	}

	/**
	 * Returns the callback if it is valid.
	 *
	 * @param callback the callback as sent
	 * @return the same callback
	 * @throws dev.tokenkit.servlet.error.TokenKitHttpException {@code 400} if it is empty, too long or not a dotted
	 * identifier
	 */
	public static String require(String callback) {
		if (callback.length() > MAX_LENGTH || !DOTTED_IDENTIFIER.matcher(callback).matches()) {
			throw TokenErrors.badRequest("The callback must be a dotted JavaScript identifier of at most "
					+ MAX_LENGTH + " characters");
		}
		return callback;
	}

}
