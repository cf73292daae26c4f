package dev.tokenkit.core.opaque;

import java.security.SecureRandom;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link OpaqueTokenCodec}: tokens it makes from random bytes the fuzzer chooses, copies of them with one
 * character changed, and any text presented as a token.
 *
 * <p>Properties: a token made from any random bytes is well-formed and has the fixed shape ({@code tk_}, 49 base64url
 * characters); a copy with one character changed, to anything, is refused (the CRC-32C catches every such change);
 * any text is answered without an exception, and any text accepted has the fixed shape.
 */
class OpaqueTokenCodecFuzzTests {

	private static final String SHAPE = "tk_[A-Za-z0-9_-]{49}";

	@FuzzTest
	void isWellFormedWhenAnyTextThenOnlyTokensOfTheFixedShape(FuzzedDataProvider data) {
		String token = new OpaqueTokenCodec(new FixedRandom(data.consumeBytes(32))).generate();
		assertThat(token).matches(SHAPE);
		assertThat(OpaqueTokenCodec.isWellFormed(token)).isTrue();
		int position = data.consumeInt(0, OpaqueTokenCodec.LENGTH - 1);
		char replacement = data.consumeChar();
		if (replacement != token.charAt(position)) {
			String changed = token.substring(0, position) + replacement + token.substring(position + 1);
			assertThat(OpaqueTokenCodec.isWellFormed(changed)).as(changed).isFalse();
		}
		String text = data.consumeRemainingAsString();
		if (OpaqueTokenCodec.isWellFormed(text)) {
			assertThat(text).matches(SHAPE);
		}
	}

	/** A random source that hands out the fuzzer's bytes (zeros once they run out). */
	private static final class FixedRandom extends SecureRandom {

		private static final long serialVersionUID = 1L;

		private final byte[] bytes;

		FixedRandom(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		public void nextBytes(byte[] target) {
			System.arraycopy(this.bytes, 0, target, 0, Math.min(this.bytes.length, target.length));
		}

	}

}
