package dev.tokenkit.servlet;

import org.junit.jupiter.api.Test;

import dev.tokenkit.servlet.error.TokenKitHttpException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryParametersTests {

	@Test
	void singleWhenFormEncodedThenDecodedUtf8WithPlusAsSpace() {
		QueryParameters query = QueryParameters.parse("email=John_Doe%40hotmail.com&p=a+b%2Bc&u=%C3%A4&flag");
		assertThat(query.single("email")).isEqualTo("John_Doe@hotmail.com");
		assertThat(query.single("p")).isEqualTo("a b+c");
		assertThat(query.single("u")).isEqualTo("ä");
		assertThat(query.has("flag")).isTrue();
		assertThat(query.single("flag")).isEmpty();
		assertThat(query.single("missing")).isNull();
	}

	@Test
	void singleWhenRepeatedThenBadRequest() {
		assertThatExceptionOfType(TokenKitHttpException.class)
			.isThrownBy(() -> QueryParameters.parse("a=1&a=1").single("a"))
			.withMessage("The a parameter appears more than once");
	}

	@Test
	void singleWhenEscapedByteOrderMarkThenKept() {
		QueryParameters query = QueryParameters.parse("%EF%BB%BFa=%EF%BB%BFb");
		assertThat(query.single("\uFEFFa")).isEqualTo("\uFEFFb");
		assertThat(query.has("a")).isFalse();
	}

	@Test
	void parseWhenMalformedThenBadRequest() {
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> QueryParameters.parse("a=%4"));
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> QueryParameters.parse("a=%C3%28"));
		assertThat(QueryParameters.parse(null).has("a")).isFalse();
	}

}
