package dev.tokenkit.servlet;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * The one {@code Authorization} header of a request, split into its scheme (lower case) and its credentials (RFC 9110
 * section 11.4: {@code auth-scheme 1*SP credentials}; the scheme is case-insensitive). The value is re-decoded as
 * UTF-8 (see {@link TextRules#headerAsUtf8(String)}).
 *
 * @param scheme the scheme in lower case, for example {@code bearer}
 * @param credentials what follows the scheme and its spaces, possibly empty
 * @since 0.1.0
 */
record AuthorizationHeader(String scheme, String credentials) {

	/**
	 * Reads the header.
	 *
	 * @param request the request
	 * @return the header, or {@code null} when there is none
	 * @throws TokenKitHttpException {@code 400} if the request has more than one, or one that is not UTF-8
	 */
	public static @Nullable AuthorizationHeader of(HttpServletRequest request) {
		List<String> values = Collections.list(request.getHeaders("Authorization"));
		if (values.size() > 1) {
			throw TokenErrors.badRequest("The request has more than one Authorization header");
		}
		if (values.isEmpty()) {
			return null;
		}
		String value = TextRules.headerAsUtf8(values.get(0).strip());
		int space = value.indexOf(' ');
		String scheme = ((space < 0) ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
		int start = space;
		while (start >= 0 && start < value.length() && value.charAt(start) == ' ') {
			start++;
		}
		String credentials = (space < 0) ? "" : value.substring(start);
		return new AuthorizationHeader(scheme, credentials);
	}

}
