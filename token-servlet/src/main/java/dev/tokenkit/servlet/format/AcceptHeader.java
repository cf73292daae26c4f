package dev.tokenkit.servlet.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Picks a response format from an {@code Accept} header (RFC 9110 section 12.5.1): the offered format with the highest
 * quality; among equals, the one the client listed first. {@code text/xml} counts as XML; a subtype wildcard such as
 * {@code text/*} matches the formats whose answers have that type; {@code *}{@code /*} matches whatever the caller
 * prefers.
 *
 * @since 0.1.0
 */
public final class AcceptHeader {

	private static final Map<String, ResponseFormat> KNOWN = Map.of("application/json", ResponseFormat.JSON,
			"application/javascript", ResponseFormat.JSONP, "application/xml", ResponseFormat.XML, "text/xml",
			ResponseFormat.XML, "text/csv", ResponseFormat.CSV);

	private AcceptHeader() {
	}

	/**
	 * Chooses among offered formats.
	 *
	 * @param accept the {@code Accept} header, or {@code null}
	 * @param offered the formats the endpoint can answer in, preferred first; the first answers a wildcard or an absent
	 * header
	 * @return the chosen format, or empty when the client accepts none of them
	 */
	public static Optional<ResponseFormat> choose(@Nullable String accept, List<ResponseFormat> offered) {
		if (accept == null || accept.isBlank()) {
			return Optional.of(offered.get(0));
		}
		record Candidate(ResponseFormat format, double quality, int position) {
		}
		List<Candidate> candidates = new ArrayList<>();
		String[] ranges = accept.split(",");
		for (int position = 0; position < ranges.length; position++) {
			String[] parts = ranges[position].split(";");
			String range = parts[0].trim().toLowerCase(Locale.ROOT);
			double quality = quality(parts);
			for (ResponseFormat format : offered) {
				if (quality > 0 && matches(range, format)) {
					candidates.add(new Candidate(format, quality, position * 100 + offered.indexOf(format)));
				}
			}
		}
		return candidates.stream()
			.max(Comparator.comparingDouble(Candidate::quality).thenComparing(Candidate::position, Comparator.reverseOrder()))
			.map(Candidate::format);
	}

	private static boolean matches(String range, ResponseFormat format) {
		if (range.equals("*/*")) {
			return true;
		}
		if (range.endsWith("/*")) {
			return format.contentType().startsWith(range.substring(0, range.length() - 1));
		}
		return KNOWN.get(range) == format;
	}

	private static double quality(String[] parts) {
		for (int i = 1; i < parts.length; i++) {
			String[] parameter = parts[i].trim().split("=", 2);
			if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
				try {
					return Math.max(0, Math.min(1, Double.parseDouble(parameter[1].trim())));
				}
				catch (NumberFormatException ex) {
					return 0;
				}
			}
		}
		return 1;
	}

}
