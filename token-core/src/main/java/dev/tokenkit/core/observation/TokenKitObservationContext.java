package dev.tokenkit.core.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of every observation {@link MicrometerTokenObservers} makes: its low-cardinality key values are the
 * operation's own (for example {@code dialect}, {@code token.kind}, {@code store}, {@code operation}) and, once it
 * ends, {@code outcome} ({@code success} or {@code failure}) and {@code reason} ({@code none} or a
 * {@link FailureReason#tag()}). It holds no high-cardinality value: no token, hash, username, password or api key.
 *
 * @since 0.1.0
 */
public final class TokenKitObservationContext extends Observation.Context {

	/** The key of how the operation ended. */
	public static final String OUTCOME = "outcome";

	/** The key of why it failed. */
	public static final String REASON = "reason";

	private static final KeyValues SUCCEEDED = KeyValues.of(OUTCOME, "success", REASON, "none");

	private static final KeyValue FAILED = KeyValue.of(OUTCOME, "failure");

	private final Object observer;

	private @Nullable FailureReason reason;

	private long startedNanos;

	TokenKitObservationContext(Object observer, KeyValues keys) {
		this.observer = observer;
		addLowCardinalityKeyValues(keys);
	}

	/**
	 * Why the operation failed, once it has ended as a failure.
	 *
	 * @return the reason, or {@code null} while it runs or when it succeeded
	 */
	public @Nullable FailureReason reason() {
		return this.reason;
	}

	void succeeded() {
		addLowCardinalityKeyValues(SUCCEEDED);
	}

	void failed(FailureReason reason) {
		this.reason = reason;
		addLowCardinalityKeyValue(FAILED);
		addLowCardinalityKeyValue(KeyValue.of(REASON, reason.tag()));
	}

	/** The observer that made this context: one per operation, the same for each of its calls, so its timers' key. */
	Object observer() {
		return this.observer;
	}

	void started(long nanos) {
		this.startedNanos = nanos;
	}

	long startedNanos() {
		return this.startedNanos;
	}

}
