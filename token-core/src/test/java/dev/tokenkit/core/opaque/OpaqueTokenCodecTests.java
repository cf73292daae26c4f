package dev.tokenkit.core.opaque;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OpaqueTokenCodecTests {

	private final OpaqueTokenCodec codec = new OpaqueTokenCodec(new SecureRandom());

	@Test
	void generateWhenCalledThenPrefixedBase64UrlOfFixedLengthAndWellFormed() {
		String token = this.codec.generate();
		assertThat(token).startsWith(OpaqueTokenCodec.PREFIX)
			.hasSize(OpaqueTokenCodec.LENGTH)
			.matches("tk_[A-Za-z0-9_-]{49}");
		assertThat(OpaqueTokenCodec.isWellFormed(token)).isTrue();
	}

	@Test
	void generateWhenHundredThousandTokensThenNoDuplicates() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			tokens.add(this.codec.generate());
		}
		assertThat(tokens).hasSize(100_000);
	}

	@Test
	void generateWhenManyTokensThenRandomPartUsesWholeAlphabet() {
		Set<Character> seen = new HashSet<>();
		for (int i = 0; i < 2_000; i++) {
			String token = this.codec.generate();
			token.substring(3, 46).chars().forEach((c) -> seen.add((char) c));
		}
		assertThat(seen).hasSize(64);
	}

	@Test
	void isWellFormedWhenOneCharacterChangedThenFalse() {
		String token = this.codec.generate();
		for (int i = OpaqueTokenCodec.PREFIX.length(); i < token.length(); i++) {
			char replacement = (token.charAt(i) == 'A') ? 'B' : 'A';
			String changed = token.substring(0, i) + replacement + token.substring(i + 1);
			assertThat(OpaqueTokenCodec.isWellFormed(changed)).as("changed at %d", i).isFalse();
		}
	}

	@Test
	void isWellFormedWhenAlteredCopiesThenFalse() {
		String token = this.codec.generate();
		assertThat(OpaqueTokenCodec.isWellFormed(null)).isFalse();
		assertThat(OpaqueTokenCodec.isWellFormed("")).isFalse();
		assertThat(OpaqueTokenCodec.isWellFormed(" " + token.substring(1))).isFalse();
		assertThat(OpaqueTokenCodec.isWellFormed(token.toUpperCase())).isFalse();
		assertThat(OpaqueTokenCodec.isWellFormed("xx_" + token.substring(3))).isFalse();
		assertThat(OpaqueTokenCodec.isWellFormed(token.substring(0, 51) + "\n")).isFalse();
		assertThat(OpaqueTokenCodec.isWellFormed(token + "A")).isFalse();
		assertThat(OpaqueTokenCodec.isWellFormed("A".repeat(10_000))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Ä", "+", "/", "=", " ", ".", "~", "\u0000", "\uD83D" })
	void isWellFormedWhenCharacterOutsideBase64UrlThenFalse(String character) {
		String token = this.codec.generate();
		String changed = token.substring(0, 10) + character + token.substring(11);
		assertThat(changed).hasSize(OpaqueTokenCodec.LENGTH);
		assertThat(OpaqueTokenCodec.isWellFormed(changed)).isFalse();
	}

}
