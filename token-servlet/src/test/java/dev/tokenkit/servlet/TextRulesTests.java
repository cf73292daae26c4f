package dev.tokenkit.servlet;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.tokenkit.servlet.error.TokenKitHttpException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TextRulesTests {

	@Test
	void hasControlCharacterWhenC0DelOrC1ThenTrue() {
		assertThat(TextRules.hasControlCharacter("a\u0000")).isTrue();
		assertThat(TextRules.hasControlCharacter("a\tb")).isTrue();
		assertThat(TextRules.hasControlCharacter("a\u007f")).isTrue();
		assertThat(TextRules.hasControlCharacter("a\u0085")).isTrue();
		assertThat(TextRules.hasControlCharacter("pässwörd ü €")).isFalse();
	}

	@Test
	void headerAsUtf8WhenLatin1DecodedUtf8BytesThenOriginalText() {
		String asContainerSawIt = new String("pässwörd".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
		assertThat(TextRules.headerAsUtf8(asContainerSawIt)).isEqualTo("pässwörd");
		assertThat(TextRules.headerAsUtf8("already ä €")).isEqualTo("already ä €");
		assertThat(TextRules.headerAsUtf8("ascii")).isEqualTo("ascii");
		assertThat(TextRules.headerAsUtf8(null)).isNull();
	}

	@Test
	void headerAsUtf8WhenLeadingByteOrderMarkThenKept() {
		assertThat(TextRules.headerAsUtf8("\u00ef\u00bb\u00bfuser me:pw")).isEqualTo("\uFEFFuser me:pw");
	}

	@Test
	void headerAsUtf8WhenBytesAreNotUtf8ThenBadRequest() {
		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> TextRules.headerAsUtf8("\u00c3("));
	}

}
