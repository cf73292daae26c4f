package dev.tokenkit.servlet;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tokenkit.servlet.error.TokenKitHttpException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PercentDecoderTests {

	@Test
	void decodeWhenEscapesThenUtf8AndPlusOnlyInForms() {
		assertThat(PercentDecoder.decode("a%2Bb+c%C3%A4", true)).isEqualTo("a+b cä");
		assertThat(PercentDecoder.decode("a+b%2f", false)).isEqualTo("a+b/");
		assertThat(PercentDecoder.decode("plain", false)).isEqualTo("plain");
	}

	@Test
	void decodeWhenMalformedEscapeOrOverlongUtf8ThenBadRequest() {
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> PercentDecoder.decode("%G1", false));
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> PercentDecoder.decode("%4", false));
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> PercentDecoder.decode("%C0%AF", false));
	}

	@ParameterizedTest
	@ValueSource(strings = { "%\u06F0a", "%\uFF14\uFF11", "%4\uFF11", "%\uFF21\uFF21", "/api/%\uFF17\uFF13ecure/x" })
	void decodeWhenEscapeHasNonAsciiDigitsThenBadRequest(String encoded) {
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> PercentDecoder.decode(encoded, true));
	}

	@Test
	void decodeWhenUnescapedCharacterOutsideTheBmpBesideAnEscapeThenKept() {
		assertThat(PercentDecoder.decode("caf\u00e9\uD83D\uDE00+%21", true)).isEqualTo("caf\u00e9\uD83D\uDE00 !");
		assertThat(PercentDecoder.decode("\uD83D\uDE00%F0%9F%98%80", false)).isEqualTo("\uD83D\uDE00\uD83D\uDE00");
	}

	@Test
	void decodeWhenLoneSurrogateThenBadRequest() {
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> PercentDecoder.decode("a\uD83D%21", true));
	}

	/**
	 * Property: for random Unicode strings (every plane, surrogate pairs included), each code point escaped or left as
	 * it is at random, the decoder agrees with {@link URLDecoder} in form mode.
	 */
	@Test
	void decodeWhenRandomUnicodeEscapedOrNotThenAsUrlDecoder() {
		Random random = new Random(20261204);
		for (int run = 0; run < 5_000; run++) {
			StringBuilder text = new StringBuilder();
			StringBuilder encoded = new StringBuilder();
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				int codePoint = randomCodePoint(random);
				String character = Character.toString(codePoint);
				text.append(character);
				encoded.append(random.nextBoolean() ? URLEncoder.encode(character, StandardCharsets.UTF_8)
						: (codePoint == '%' || codePoint == '+') ? URLEncoder.encode(character, StandardCharsets.UTF_8)
								: character);
			}
			String form = encoded.toString();
			assertThat(PercentDecoder.decode(form, true)).as(form)
				.isEqualTo(URLDecoder.decode(form, StandardCharsets.UTF_8))
				.isEqualTo(text.toString());
		}
	}

	private static int randomCodePoint(Random random) {
		while (true) {
			int codePoint = switch (random.nextInt(4)) {
				case 0 -> 0x20 + random.nextInt(0x5F);
				case 1 -> 0xA0 + random.nextInt(0x700);
				case 2 -> random.nextInt(0x10000);
				default -> 0x10000 + random.nextInt(0x100000);
			};
			if (!Character.isSurrogate((char) codePoint) || codePoint > 0xFFFF) {
				return codePoint;
			}
		}
	}

}
