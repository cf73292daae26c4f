package dev.tokenkit.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenPolicyTests {

	@Test
	void ofIdleWhenShorterThanDefaultCapThenDefaultCap() {
		assertThat(TokenPolicy.ofIdle(Duration.ofMinutes(30)).maxLifetime()).isEqualTo(TokenPolicy.DEFAULT_MAX_LIFETIME);
	}

	@Test
	void ofIdleWhenLongerThanDefaultCapThenCapIsIdle() {
		assertThat(TokenPolicy.ofIdle(Duration.ofHours(48)).maxLifetime()).isEqualTo(Duration.ofHours(48));
	}

	@Test
	void constructorWhenIdleNotPositiveOrCapShorterThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenPolicy(Duration.ZERO, Duration.ofHours(1)))
			.withMessageContaining("idleTimeout");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TokenPolicy(Duration.ofHours(2), Duration.ofHours(1)))
			.withMessageContaining("maxLifetime");
	}

}
