package dev.tokenkit.core.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenHashTests {

	@Test
	void toHexWhenHashedThenSha256OfUtf8() {
		assertThat(TokenHash.of("abc").toHex())
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void fromHexWhenRoundTripThenEqualToOriginal() {
		TokenHash hash = TokenHash.of("some-token");
		assertThat(TokenHash.fromHex(hash.toHex())).isEqualTo(hash).hasSameHashCodeAs(hash);
		assertThat(hash).isNotEqualTo(TokenHash.of("some-token2"));
	}

	@Test
	void toStringWhenCalledThenHidesHash() {
		TokenHash hash = TokenHash.of("some-token");
		assertThat(hash.toString()).doesNotContain(hash.toHex().substring(0, 8));
	}

	@Test
	void fromHexWhenWrongLengthThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenHash.fromHex("abcd"));
	}

}
