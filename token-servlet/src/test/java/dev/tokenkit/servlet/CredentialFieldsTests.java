package dev.tokenkit.servlet;

import org.junit.jupiter.api.Test;

import dev.tokenkit.servlet.error.TokenKitHttpException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CredentialFieldsTests {

	@Test
	void checkWhenValidThenCredentialsWithExactValues() {
		assertThat(CredentialFields.check(" me ", "", "K").login()).isEqualTo(" me ");
		assertThat(CredentialFields.check("me", "pw", null).apiKey()).isNull();
	}

	@Test
	void checkWhenMissingEmptyTooLongOrControlThenBadRequest() {
		assertBadRequest(null, "pw", null);
		assertBadRequest("", "pw", null);
		assertBadRequest("me", null, null);
		assertBadRequest("me", "pw", "");
		assertBadRequest("me", "x".repeat(1025), null);
		assertBadRequest("m".repeat(321), "pw", null);
		assertBadRequest("me\u0000", "pw", null);
		assertBadRequest("me", "pw\n", null);
	}

	@Test
	void textWhenWrongTypeThenBadRequestNamingTheField() {
		var root = JsonBodyParser.strict().parseObject("{\"a\":1,\"o\":{}}");
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> CredentialFields.text(root, "a"))
			.withMessageContaining("a field");
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> CredentialFields.object(root, "a"));
		assertThat(CredentialFields.object(root, "o").isObject()).isTrue();
	}

	private static void assertBadRequest(String login, String password, String apiKey) {
		assertThatExceptionOfType(TokenKitHttpException.class)
			.isThrownBy(() -> CredentialFields.check(login, password, apiKey))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400));
	}

}
