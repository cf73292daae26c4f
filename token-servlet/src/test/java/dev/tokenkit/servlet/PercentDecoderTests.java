package dev.tokenkit.servlet;

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

}
