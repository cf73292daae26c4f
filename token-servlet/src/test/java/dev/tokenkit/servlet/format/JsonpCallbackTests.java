package dev.tokenkit.servlet.format;

import dev.tokenkit.servlet.error.TokenKitHttpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonpCallbackTests {

	@ParameterizedTest
	@ValueSource(strings = { "cb", "jQuery1124_15.success", "$", "_a.$b.c9" })
	void requireWhenDottedIdentifierThenAccepted(String callback) {
		assertThat(JsonpCallback.require(callback)).isEqualTo(callback);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1cb", "a..b", "a.", ".a", "a b", "a(1)", "a;b", "a\nb", "ä", "a-b" })
	void requireWhenNotDottedIdentifierThenBadRequest(String callback) {
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> JsonpCallback.require(callback))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400));
	}

	@Test
	void requireWhen128CharactersThenAccepted() {
		assertThat(JsonpCallback.require("a".repeat(128))).hasSize(128);
	}

	@Test
	void requireWhen129CharactersThenBadRequest() {
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> JsonpCallback.require("a".repeat(129)));
	}

}
