package dev.tokenkit.core.opaque;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.store.TokenRecord;

/**
 * When a use of a token is written back to its store, and the last use the write records (see
 * {@link OpaqueTokenService}'s design note).
 */
final class TouchRule {

	/** The granularity of recorded uses. */
	private static final long STEP_MILLIS = 1000;

	private final long intervalMillis;

	TouchRule(Duration interval) {
		this.intervalMillis = interval.toMillis();
	}

	/**
	 * The last use to record for a use at {@code now}, or {@code null} while the stored one is recent enough: younger
	 * than the interval, capped at half the token's idle timeout so that a token in use never dies. The recorded use is
	 * the stored one plus whole seconds, at most {@code now}. Requests that use a token within the same second read the
	 * same stored last use and so write the same value: the first write moves it, and the stores' "only forward" rule
	 * turns the others into no-ops, so a token in constant use by many threads or nodes is written about once per
	 * interval, not once per concurrent request. The recorded use lags the real one by less than a second.
	 */
	@Nullable Instant useToRecord(TokenRecord record, long now) {
		long interval = Math.min(this.intervalMillis, record.idleTimeoutMillis() / 2);
		long lastUsed = record.lastUsedAtMillis();
		if (lastUsed + interval > now) {
			return null;
		}
		long step = Math.min(STEP_MILLIS, interval);
		return Instant.ofEpochMilli((step <= 0) ? now : lastUsed + (now - lastUsed) / step * step);
	}

}
