package dev.tokenkit.core.opaque;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that never goes backwards: when the clock it wraps steps back (an NTP correction, say), it keeps answering
 * the latest instant it has seen until the wrapped clock catches up. Millisecond precision, like the stores.
 */
final class NonDecreasingClock extends Clock {

	private final Clock delegate;

	private final AtomicLong latestMillis = new AtomicLong(Long.MIN_VALUE);

	NonDecreasingClock(Clock delegate) {
		this.delegate = delegate;
	}

	@Override
	public long millis() {
		long now = this.delegate.millis();
		long latest = this.latestMillis.get();
		return (now > latest) ? this.latestMillis.accumulateAndGet(now, Math::max) : latest;
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis());
	}

	@Override
	public ZoneId getZone() {
		return this.delegate.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("NonDecreasingClock cannot change zone");
	}

}
