package dev.tokenkit.core.opaque;

import java.time.Duration;
import java.time.Instant;

import dev.tokenkit.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NonDecreasingClockTests {

	@Test
	void instantWhenWrappedClockStepsBackThenKeepsLatestUntilCaughtUp() {
		MutableClock wrapped = MutableClock.start();
		NonDecreasingClock clock = new NonDecreasingClock(wrapped);
		Instant start = clock.instant();
		wrapped.advance(Duration.ofHours(-1));
		assertThat(clock.instant()).isEqualTo(start);
		wrapped.advance(Duration.ofHours(1).plusSeconds(1));
		assertThat(clock.instant()).isEqualTo(start.plusSeconds(1));
	}

	@Test
	void instantWhenWrappedClockHasNanosecondsThenMilliseconds() {
		MutableClock wrapped = new MutableClock(Instant.parse("2026-01-01T00:00:00.123456789Z"));
		assertThat(new NonDecreasingClock(wrapped).instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
	}

}
