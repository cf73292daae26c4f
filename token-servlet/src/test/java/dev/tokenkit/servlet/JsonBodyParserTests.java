package dev.tokenkit.servlet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tokenkit.servlet.error.TokenKitHttpException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonBodyParserTests {

	@Test
	void parseObjectWhenStrictJsonThenTree() {
		assertThat(JsonBodyParser.strict().parseObject("{\"U\":\"\\u0061lice\"}").get("U").stringValue()).isEqualTo("alice");
	}

	@Test
	void parseObjectWhenSingleQuotesThenOnlyLenientParserReads() {
		String body = "{'auth_request':{'api_key':'K'}}";
		assertThat(JsonBodyParser.allowingSingleQuotes().parseObject(body).get("auth_request").get("api_key").stringValue())
			.isEqualTo("K");
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> JsonBodyParser.strict().parseObject(body));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"a\":1}x", "{\"a\":1,\"a\":2}", "{\"a\":NaN}", "{a:1}", "{\"a\":01}", "[]", "null", "\"x\"",
			"", "{\"a\":[1,]}", "// c\n{}" })
	void parseObjectWhenNotOneStrictObjectThenBadRequest(String body) {
		assertThatExceptionOfType(TokenKitHttpException.class)
			.isThrownBy(() -> JsonBodyParser.allowingSingleQuotes().parseObject(body))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(400));
	}

	@Test
	void parseObjectWhenNestedDeeperThanLimitThenBadRequest() {
		String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> JsonBodyParser.strict().parseObject(deep));
	}

}
