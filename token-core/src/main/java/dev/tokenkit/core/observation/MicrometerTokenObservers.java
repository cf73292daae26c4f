package dev.tokenkit.core.observation;

import java.util.Objects;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Reports tokenkit's operations to a Micrometer {@link ObservationRegistry}: each call is an {@link Observation}
 * with a {@link TokenKitObservationContext}, which the registry's handlers turn into timers (a
 * {@code MeterObservationHandler}, best {@link TokenKitMeterObservationHandler}) and spans (a tracing handler).
 *
 * <table>
 * <caption>The observations and their low-cardinality keys</caption>
 * <tr><th>name</th><th>keys besides {@code outcome} and {@code reason}</th></tr>
 * <tr><td>{@value #ISSUES}</td><td>{@code dialect}, {@code token.kind}</td></tr>
 * <tr><td>{@value #CHECKS}</td><td>{@code token.kind}</td></tr>
 * <tr><td>{@value #REVOCATIONS}</td><td>{@code operation} ({@code revoke}, {@code revoke_all}),
 * {@code token.kind}</td></tr>
 * <tr><td>{@value #STORE_CALLS}</td><td>{@code operation}, {@code store}</td></tr>
 * </table>
 *
 * <p>On {@link ObservationRegistry#NOOP} its observers are the no-op ones; on a registry without handlers a call costs
 * a check of {@link ObservationRegistry#isNoop()} and allocates nothing.
 *
 * @since 0.1.0
 */
public final class MicrometerTokenObservers implements TokenObservers {

	/** The observation of issues. */
	public static final String ISSUES = "tokenkit.tokens.issues";

	/** The observation of token checks. */
	public static final String CHECKS = "tokenkit.tokens.checks";

	/** The observation of revocations. */
	public static final String REVOCATIONS = "tokenkit.tokens.revocations";

	/** The observation of store calls. */
	public static final String STORE_CALLS = "tokenkit.store.calls";

	private final ObservationRegistry registry;

	private final String tokenKind;

	private final String storeKind;

	/**
	 * Creates the observers.
	 *
	 * @param registry where the observations go
	 * @param tokenKind the {@code token.kind} value: {@code opaque} or {@code jwt}
	 * @param storeKind the {@code store} value: {@code memory}, {@code jdbc}, {@code redis}, or the app's own name
	 *     for a store of its own
	 */
	public MicrometerTokenObservers(ObservationRegistry registry, String tokenKind, String storeKind) {
		this.registry = Objects.requireNonNull(registry, "registry cannot be null");
		this.tokenKind = Objects.requireNonNull(tokenKind, "tokenKind cannot be null");
		this.storeKind = Objects.requireNonNull(storeKind, "storeKind cannot be null");
	}

	@Override
	public TokenObserver issues(String dialect) {
		return observer(ISSUES, KeyValues.of("dialect", dialect, "token.kind", this.tokenKind));
	}

	@Override
	public TokenObserver checks() {
		return observer(CHECKS, KeyValues.of("token.kind", this.tokenKind));
	}

	@Override
	public TokenObserver revocations(String operation) {
		return observer(REVOCATIONS, KeyValues.of("operation", operation, "token.kind", this.tokenKind));
	}

	@Override
	public TokenObserver storeCalls(String operation) {
		return observer(STORE_CALLS, KeyValues.of("operation", operation, "store", this.storeKind));
	}

	/** The observer of one operation; on {@link ObservationRegistry#NOOP}, which never observes, the no-op one. */
	private TokenObserver observer(String name, KeyValues keys) {
		return (this.registry == ObservationRegistry.NOOP) ? Unobserved.INSTANCE : new Observer(this.registry, name, keys);
	}

	/**
	 * One operation's observer: its name and fixed key values, made once. Its identity is its timers' key in the meter
	 * handler, so it keeps {@code Object}'s equality (not a record's, which would hash the key values on every stop).
	 */
	private static final class Observer implements TokenObserver {

		private final ObservationRegistry registry;

		private final String name;

		private final KeyValues keys;

		Observer(ObservationRegistry registry, String name, KeyValues keys) {
			this.registry = registry;
			this.name = name;
			this.keys = keys;
		}

		@Override
		public TokenObservation start() {
			if (this.registry.isNoop()) {
				return Unobserved.INSTANCE;
			}
			TokenKitObservationContext context = new TokenKitObservationContext(this, this.keys);
			return new Started(Observation.createNotStarted(this.name, () -> context, this.registry).start(),
					context);
		}

	}

	/** A started observation, ended once. */
	private record Started(Observation observation, TokenKitObservationContext context) implements TokenObservation {

		@Override
		public void succeeded() {
			this.context.succeeded();
			this.observation.stop();
		}

		@Override
		public void failed(FailureReason reason) {
			this.context.failed(reason);
			this.observation.stop();
		}

	}

}
