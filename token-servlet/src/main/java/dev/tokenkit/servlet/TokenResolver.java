package dev.tokenkit.servlet;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.tokenkit.servlet.error.TokenErrors;

/**
 * Pulls the access token out of a request: {@code Authorization: Bearer TOKEN} (RFC 6750 section 2.1),
 * {@code Authorization: token TOKEN}, or the {@code api_token} or {@code access_token} query parameter on any method,
 * read from the raw query string so that a form body is never consumed.
 *
 * <p>A client uses one carrier only (RFC 6750 section 2): two carriers, a repeated parameter or an empty parameter is
 * {@code 400 invalid_request}. A header token outside RFC 6750's {@code b64token} alphabet is {@code 401
 * invalid_token} before any lookup. One or more spaces may follow the scheme. Other schemes ({@code Basic},
 * {@code user}) carry no token.
 *
 * @since 0.1.0
 */
final class TokenResolver {

	/**
	 * Finds the token.
	 *
	 * @param request the request
	 * @return the token, or {@code null} when the request carries none
	 * @throws dev.tokenkit.servlet.error.TokenKitHttpException {@code 400} or {@code 401} as described above
	 */
	public @Nullable String resolve(HttpServletRequest request) {
		return resolve(request, QueryParameters.parse(request.getQueryString()));
	}

	/**
	 * Finds the token, with the request's query already parsed.
	 *
	 * @param request the request
	 * @param query the request's query parameters
	 * @return the token, or {@code null} when the request carries none
	 * @throws dev.tokenkit.servlet.error.TokenKitHttpException {@code 400} or {@code 401} as described above
	 */
	public @Nullable String resolve(HttpServletRequest request, QueryParameters query) {
		List<String> found = new ArrayList<>();
		AuthorizationHeader header = AuthorizationHeader.of(request);
		if (header != null && (header.scheme().equals("bearer") || header.scheme().equals("token"))) {
			if (!isB64Token(header.credentials())) {
				throw TokenErrors.invalidToken();
			}
			found.add(header.credentials());
		}
		for (String name : List.of("api_token", "access_token")) {
			String value = query.single(name);
			if (value != null && value.isEmpty()) {
				throw TokenErrors.invalidTokenRequest("The " + name + " parameter is empty");
			}
			if (value != null) {
				found.add(value);
			}
		}
		if (found.size() > 1) {
			throw TokenErrors.invalidTokenRequest("Send the access token in one place only");
		}
		return found.isEmpty() ? null : found.get(0);
	}

	/** RFC 6750's {@code b64token}: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
	static boolean isB64Token(String text) {
		int end = text.length();
		while (end > 0 && text.charAt(end - 1) == '=') {
			end--;
		}
		if (end == 0) {
			return false;
		}
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
