package dev.tokenkit.servlet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tokenkit.servlet.error.TokenKitHttpException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContentTypeTests {

	@Test
	void ofWhenJsonOrXmlWithUtf8OrNoCharsetThenFormat() {
		assertThat(ContentType.of("application/json")).isEqualTo(ContentType.JSON);
		assertThat(ContentType.of("Application/JSON; charset=\"utf-8\"")).isEqualTo(ContentType.JSON);
		assertThat(ContentType.of("text/xml;charset=UTF-8")).isEqualTo(ContentType.XML);
		assertThat(ContentType.of("application/xml")).isEqualTo(ContentType.XML);
	}

	@ParameterizedTest
	@ValueSource(strings = { ";", "", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; b=x",
			"application/json-patch+json" })
	void ofWhenOtherTypeThen415(String header) {
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> ContentType.of(header))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(415));
	}

	@Test
	void ofWhenOtherCharsetThen400() {
		assertThatExceptionOfType(TokenKitHttpException.class)
			.isThrownBy(() -> ContentType.of("application/json; charset=UTF-16"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400));
	}

	@Test
	void sniffWhenFirstNonBlankCharacterThenFormat() {
		assertThat(ContentType.sniff("  \n<a/>")).isEqualTo(ContentType.XML);
		assertThat(ContentType.sniff("{}")).isEqualTo(ContentType.JSON);
		assertThat(ContentType.sniff("email=x")).isNull();
	}

}
