package dev.tokenkit.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.tokenkit.core.TokenPrincipal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRecordTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private static final TokenPrincipal PRINCIPAL = new TokenPrincipal("1", "me", Set.of());

	@Test
	void deadlineWhenIdleEndsFirstThenLastUsePlusIdle() {
		TokenRecord record = new TokenRecord(TokenHash.of("t"), PRINCIPAL, T0, T0.plusSeconds(600), Duration.ofMinutes(30),
				T0.plus(Duration.ofHours(24)));
		assertThat(record.deadline()).isEqualTo(T0.plusSeconds(600).plus(Duration.ofMinutes(30)));
		assertThat(record.isAliveAt(record.deadline().minusMillis(1))).isTrue();
		assertThat(record.isAliveAt(record.deadline())).isFalse();
	}

	@Test
	void deadlineWhenAbsoluteExpiryEndsFirstThenExpiry() {
		TokenRecord record = new TokenRecord(TokenHash.of("t"), PRINCIPAL, T0, T0.plusSeconds(3500), Duration.ofMinutes(30),
				T0.plus(Duration.ofHours(1)));
		assertThat(record.deadline()).isEqualTo(T0.plus(Duration.ofHours(1)));
	}

	@Test
	void constructorWhenNanosecondsThenTruncatedToMilliseconds() {
		Instant precise = T0.plusNanos(1_234_567);
		TokenRecord record = new TokenRecord(TokenHash.of("t"), PRINCIPAL, precise, precise, Duration.ofNanos(1_500_000),
				precise);
		assertThat(record.issuedAt()).isEqualTo(T0.plusMillis(1));
		assertThat(record.idleTimeout()).isEqualTo(Duration.ofMillis(1));
		assertThat(record.withLastUsedAt(precise.plusSeconds(1)).lastUsedAt()).isEqualTo(T0.plusMillis(1001));
	}

}
