package dev.tokenkit.core.observation;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

/**
 * Turns tokenkit's observations into timers, one per observation name and key values: its count is the number of
 * calls with that outcome and reason. Store calls ({@value MicrometerTokenObservers#STORE_CALLS}) also publish a
 * percentile histogram, for their latency distribution.
 *
 * <p>Micrometer's {@code DefaultMeterObservationHandler} would make the same timers, but looks each one up by its
 * tags on every call and keeps a long-task timer besides; this handler finds a call's timer by its operation and
 * outcome in an array, so that observing a token check costs a small share of the check. Register it before the
 * default handler: Spring Boot uses the first {@link MeterObservationHandler} bean that supports a context, in bean
 * order, and tokenkit's starter registers this one first. The timers keep the key values an observation had when its
 * operation and outcome were first seen.
 *
 * @since 0.1.0
 */
public final class TokenKitMeterObservationHandler implements MeterObservationHandler<TokenKitObservationContext> {

	/** The slots per operation: success, then one per failure reason. */
	private static final int SLOTS = FailureReason.values().length + 1;

	private final MeterRegistry registry;

	private final Map<Object, AtomicReferenceArray<Timer>> timers = new ConcurrentHashMap<>();

	/**
	 * Creates the handler.
	 *
	 * @param registry where the timers go
	 */
	public TokenKitMeterObservationHandler(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry cannot be null");
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof TokenKitObservationContext;
	}

	@Override
	public void onStart(TokenKitObservationContext context) {
		context.started(System.nanoTime());
	}

	@Override
	public void onStop(TokenKitObservationContext context) {
		timer(context).record(System.nanoTime() - context.startedNanos(), TimeUnit.NANOSECONDS);
	}

	private Timer timer(TokenKitObservationContext context) {
		AtomicReferenceArray<Timer> slots = this.timers.computeIfAbsent(context.observer(),
				(observer) -> new AtomicReferenceArray<>(SLOTS));
		FailureReason reason = context.reason();
		int slot = (reason != null) ? reason.ordinal() + 1 : 0;
		Timer timer = slots.get(slot);
		if (timer == null) {
			// registering twice is harmless: the registry answers the same timer
			timer = register(context);
			slots.set(slot, timer);
		}
		return timer;
	}

	private Timer register(TokenKitObservationContext context) {
		Tags tags = Tags.empty();
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			tags = tags.and(keyValue.getKey(), keyValue.getValue());
		}
		String name = Objects.requireNonNull(context.getName(), "an observation has a name");
		Timer.Builder builder = Timer.builder(name).tags(tags);
		if (name.equals(MicrometerTokenObservers.STORE_CALLS)) {
			builder.publishPercentileHistogram();
		}
		return builder.register(this.registry);
	}

}
