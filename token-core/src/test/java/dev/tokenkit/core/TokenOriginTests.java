package dev.tokenkit.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenOriginTests {

	@Test
	void ofWhenUserAgentHoldsControlsAndOtherScriptsThenEachRunIsOneSpaceTrimmedAndCut() {
		assertThat(TokenOrigin.of("dsi", "  curl/8.5.0\t(x86_64)\u0000\u001b[31m ").client())
			.isEqualTo("curl/8.5.0 (x86_64) [31m");
		assertThat(TokenOrigin.of("dsi", "Caf\u00e9 \ud83d\ude00 app").client()).isEqualTo("Caf app");
		assertThat(TokenOrigin.of("dsi", "a".repeat(63) + " b").client()).isEqualTo("a".repeat(63));
		assertThat(TokenOrigin.of("dsi", "x".repeat(10_000)).client()).hasSize(TokenOrigin.MAX_CLIENT_LENGTH);
		assertThat(TokenOrigin.of("globalgiving", null)).isEqualTo(new TokenOrigin("globalgiving", ""));
	}

	@Test
	void constructorWhenDialectOrClientNotCleanThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenOrigin("DSI", ""))
			.withMessage("dialect must be at most 32 lower-case letters, digits and dashes");
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenOrigin("dsi", "two  spaces"))
			.withMessage("client must be a cleaned label");
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenOrigin("dsi", "line\nbreak"));
	}

	@Test
	void restoredWhenStoredValuesAreNotCleanThenCleanedRatherThanRefused() {
		assertThat(TokenOrigin.restored("", "")).isSameAs(TokenOrigin.UNKNOWN);
		assertThat(TokenOrigin.restored(null, null)).isSameAs(TokenOrigin.UNKNOWN);
		assertThat(TokenOrigin.restored("dsi", "curl/8.5.0")).isEqualTo(new TokenOrigin("dsi", "curl/8.5.0"));
		assertThat(TokenOrigin.restored("DSI v2", "two  spaces\n" + "x".repeat(100)))
			.isEqualTo(new TokenOrigin("dsiv2", ("two spaces " + "x".repeat(100)).substring(0, 64)));
	}

}
