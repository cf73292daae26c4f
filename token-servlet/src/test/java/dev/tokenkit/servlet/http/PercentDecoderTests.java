package dev.tokenkit.servlet.http;

import org.junit.jupiter.api.Test;

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

}
