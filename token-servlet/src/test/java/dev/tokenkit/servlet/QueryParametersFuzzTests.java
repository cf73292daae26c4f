package dev.tokenkit.servlet;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.tokenkit.servlet.error.TokenKitHttpException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link QueryParameters#parse} on raw query strings, and {@link PercentDecoder} under it.
 *
 * <p>Properties: any raw query is parsed or refused with a {@code 400} {@link TokenKitHttpException}, nothing else;
 * an accepted one has only escapes of two ASCII hex digits. And any names and values, form-encoded by the JDK's
 * {@link URLEncoder}, decode to themselves (as the JDK's {@link URLDecoder} reads them back).
 */
class QueryParametersFuzzTests {

	private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

	@FuzzTest
	void parseWhenAnyQueryThenStrictlyDecodedPairsOrBadRequest(FuzzedDataProvider data) {
		String raw = data.consumeString(1024);
		Map<String, String> pairs = new LinkedHashMap<>();
		while (data.remainingBytes() > 0) {
			pairs.put(asSent(data.consumeString(64)), asSent(data.consumeString(256)));
		}
		try {
			QueryParameters.parse(raw);
			assertThat(raw).doesNotContainPattern(MALFORMED_ESCAPE);
		}
		catch (TokenKitHttpException ex) {
			assertThat(ex.status()).isEqualTo(400);
		}
		QueryParameters parsed = QueryParameters.parse(pairs.entrySet().stream()
			.map((pair) -> encode(pair.getKey()) + "=" + encode(pair.getValue()))
			.collect(Collectors.joining("&")));
		pairs.forEach((name, value) -> assertThat(parsed.single(name)).isEqualTo(value));
		QueryParameters unescaped = QueryParameters.parse(pairs.entrySet().stream()
			.map((pair) -> encodeAsciiOnly(pair.getKey()) + "=" + encodeAsciiOnly(pair.getValue()))
			.collect(Collectors.joining("&")));
		pairs.forEach((name, value) -> assertThat(unescaped.single(name)).isEqualTo(value));
	}

	/** As browsers may send it: ASCII form-encoded, every other character (emoji included) left as it is. */
	private static String encodeAsciiOnly(String text) {
		StringBuilder encoded = new StringBuilder();
		text.codePoints().forEach((codePoint) -> encoded.append((codePoint < 0x80)
				? URLEncoder.encode(Character.toString(codePoint), StandardCharsets.UTF_8)
				: Character.toString(codePoint)));
		return encoded.toString();
	}

	/** A text as it arrives after form encoding: unpaired surrogates become {@code ?}. */
	private static String asSent(String text) {
		return URLDecoder.decode(encode(text), StandardCharsets.UTF_8);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
