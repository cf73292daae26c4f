package dev.tokenkit.servlet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * The parameters of a raw query string, decoded strictly as UTF-8 form encoding ({@code +} is a space). Read from
 * {@code getQueryString()} rather than {@code getParameter}, so that a form body is never consumed and a parameter
 * sent in the body is never mistaken for one in the query.
 *
 * @since 0.1.0
 */
final class QueryParameters {

	private final Map<String, List<String>> values;

	private QueryParameters(Map<String, List<String>> values) {
		this.values = values;
	}

	/**
	 * Parses a raw query string.
	 *
	 * @param rawQuery the query string as sent, or {@code null}
	 * @return the parameters
	 * @throws TokenKitHttpException {@code 400} if an escape or the UTF-8 is malformed
	 */
	public static QueryParameters parse(@Nullable String rawQuery) {
		Map<String, List<String>> values = new HashMap<>();
		if (rawQuery != null && !rawQuery.isEmpty()) {
			for (String pair : rawQuery.split("&", -1)) {
				int equals = pair.indexOf('=');
				String name = PercentDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), true);
				String value = (equals < 0) ? "" : PercentDecoder.decode(pair.substring(equals + 1), true);
				values.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
		}
		return new QueryParameters(values);
	}

	/**
	 * Whether the parameter is present, with or without a value.
	 *
	 * @param name the parameter name
	 * @return {@code true} if present
	 */
	public boolean has(String name) {
		return this.values.containsKey(name);
	}

	/**
	 * The parameter's one value.
	 *
	 * @param name the parameter name
	 * @return its value, or {@code null} if absent
	 * @throws TokenKitHttpException {@code 400} if the parameter appears more than once
	 */
	public @Nullable String single(String name) {
		List<String> found = this.values.get(name);
		if (found == null) {
			return null;
		}
		if (found.size() > 1) {
			throw TokenErrors.badRequest("The " + name + " parameter appears more than once");
		}
		return found.get(0);
	}

}
