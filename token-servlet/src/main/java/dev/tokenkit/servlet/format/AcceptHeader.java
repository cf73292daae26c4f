package dev.tokenkit.servlet.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Picks a response format from an {@code Accept} header (RFC 9110 section 12.5.1). Each offered format takes the
 * quality of the most specific range that matches it (so {@code application/json;q=0, *}{@code /*} refuses JSON);
 * the format with the highest quality wins, and among equals the one whose range the client listed first, then the
 * one the caller offered first. {@code text/xml} counts as XML; a subtype wildcard such as {@code text/*} matches the
 * formats whose answers have that type. This is the one place tokenkit negotiates formats.
 *
 * @since 0.1.0
 */
public final class AcceptHeader {

	private static final Map<String, ResponseFormat> KNOWN = Map.of("application/json", ResponseFormat.JSON,
			"application/javascript", ResponseFormat.JSONP, "application/xml", ResponseFormat.XML, "text/xml",
			ResponseFormat.XML, "text/csv", ResponseFormat.CSV);

	/** One range of the header: its media type in lower case, quality, position and how specific it is. */
	private record Range(String mediaType, double quality, int position) {

		int specificity(ResponseFormat format) {
			if (KNOWN.get(this.mediaType) == format) {
				return 2;
			}
			if (this.mediaType.equals("*/*")) {
				return 0;
			}
			boolean typeWildcard = this.mediaType.endsWith("/*")
					&& format.contentType().startsWith(this.mediaType.substring(0, this.mediaType.length() - 1));
			return typeWildcard ? 1 : -1;
		}

	}

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
		List<Range> ranges = parse(accept);
		ResponseFormat best = null;
		Range bestRange = null;
		for (ResponseFormat format : offered) {
			Range range = mostSpecific(ranges, format);
			if (range != null && range.quality() > 0 && (bestRange == null || range.quality() > bestRange.quality()
					|| (range.quality() == bestRange.quality() && range.position() < bestRange.position()))) {
				best = format;
				bestRange = range;
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * The format of an error answer where no format was negotiated yet (secure paths, entry points): what the header
	 * asks for among JSON, XML and CSV, and JSON when it asks for none of them.
	 *
	 * @param accept the {@code Accept} header, or {@code null}
	 * @return the format
	 */
	public static ResponseFormat forErrors(@Nullable String accept) {
		return choose(accept, List.of(ResponseFormat.JSON, ResponseFormat.XML, ResponseFormat.CSV))
			.orElse(ResponseFormat.JSON);
	}

	private static @Nullable Range mostSpecific(List<Range> ranges, ResponseFormat format) {
		return ranges.stream()
			.filter((range) -> range.specificity(format) >= 0)
			.max(Comparator.comparingInt((Range range) -> range.specificity(format))
				.thenComparing(Range::position, Comparator.reverseOrder()))
			.orElse(null);
	}

	private static List<Range> parse(String accept) {
		List<Range> ranges = new ArrayList<>();
		String[] parts = accept.split(",");
		for (int position = 0; position < parts.length; position++) {
			String[] pieces = parts[position].split(";");
			String mediaType = (pieces.length > 0) ? pieces[0].trim().toLowerCase(Locale.ROOT) : "";
			if (!mediaType.isEmpty()) {
				ranges.add(new Range(mediaType, quality(pieces), position));
			}
		}
		return ranges;
	}

	private static double quality(String[] pieces) {
		for (int i = 1; i < pieces.length; i++) {
			String[] parameter = pieces[i].trim().split("=", 2);
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
