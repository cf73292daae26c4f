package dev.tokenkit.servlet;

import java.util.Locale;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link SecurePathMatcher#hasSecureSegment}, the normaliser of raw request paths: percent escapes (an encoded
 * slash or backslash splits a segment), {@code ;} parameters, {@code .} and {@code ..}, case.
 *
 * <p>Properties: any path is answered without an exception, and the same whether it takes the allocation-free path
 * for plain paths or the normalising one (an empty {@code ;} parameter at the end forces the latter); a path with no
 * {@code s} and no escape is not secure; and a path of any prefix, then a segment that decodes to {@code secure} in
 * any case (each letter plain or escaped, perhaps with a parameter, plain or escaped), then plain segments, is secure.
 */
class SecurePathMatcherFuzzTests {

	private final SecurePathMatcher matcher = new SecurePathMatcher();

	@FuzzTest
	void hasSecureSegmentWhenAnyPathThenSecureExactlyWhereADecodedSegmentIsSecure(FuzzedDataProvider data) {
		String prefix = data.consumeString(512);
		String secure = secureSegment(data);
		String rest = data.consumeRemainingAsString().replaceAll("[^a-z0-9/]", "");
		boolean isSecure = this.matcher.hasSecureSegment(prefix);
		if (prefix.indexOf(';') < 0) {
			assertThat(this.matcher.hasSecureSegment(prefix + ";")).isEqualTo(isSecure);
		}
		if (prefix.indexOf('%') < 0 && prefix.toLowerCase(Locale.ROOT).indexOf('s') < 0) {
			assertThat(isSecure).isFalse();
		}
		String path = prefix + "/" + secure + "/" + rest;
		assertThat(this.matcher.hasSecureSegment(path)).as(path).isTrue();
	}

	/** {@code secure} in any case, each letter plain or percent-encoded, perhaps with a {@code ;} parameter. */
	private static String secureSegment(FuzzedDataProvider data) {
		StringBuilder segment = new StringBuilder();
		for (char letter : "secure".toCharArray()) {
			char cased = data.consumeBoolean() ? Character.toUpperCase(letter) : letter;
			segment.append(data.consumeBoolean() ? escape(cased, data.consumeBoolean()) : String.valueOf(cased));
		}
		if (data.consumeBoolean()) {
			segment.append(data.consumeBoolean() ? ";" : "%3B").append(data.consumeAsciiString(8).replaceAll("[^A-Za-z0-9=]", ""));
		}
		return segment.toString();
	}

	private static String escape(char letter, boolean upperHex) {
		String hex = String.format("%%%02X", (int) letter);
		return upperHex ? hex : hex.toLowerCase(Locale.ROOT);
	}

}
