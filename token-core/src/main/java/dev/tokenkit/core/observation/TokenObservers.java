package dev.tokenkit.core.observation;

/**
 * Makes the {@link TokenObserver}s of tokenkit's operations; asked once per operation when a service, store, endpoint
 * or filter is built, never per call. {@link #none()} observes nothing at no cost and is every component's default;
 * {@link MicrometerTokenObservers} reports to a Micrometer {@code ObservationRegistry}.
 *
 * <p>What is observed carries low-cardinality values only (a dialect, an operation, an outcome, a
 * {@link FailureReason}), never a token, hash, username, password or api key.
 *
 * @since 0.1.0
 */
public interface TokenObservers {

	/**
	 * The issues of tokens through one dialect's endpoint: every request to it that is not a logout.
	 *
	 * @param dialect the dialect, {@code dsi} or {@code globalgiving}
	 * @return the observer
	 */
	TokenObserver issues(String dialect);

	/**
	 * The checks of secure requests: one per request that a filter checks for a token.
	 *
	 * @return the observer
	 */
	TokenObserver checks();

	/**
	 * The revocations through a token service.
	 *
	 * @param operation {@code revoke} (one token, as a logout does) or {@code revoke_all} (every token of an account)
	 * @return the observer
	 */
	TokenObserver revocations(String operation);

	/**
	 * The calls of one operation of a token store.
	 *
	 * @param operation the store method, in lower case with underscores: {@code find}, {@code touch},
	 *     {@code remove_all}
	 * @return the observer
	 */
	TokenObserver storeCalls(String operation);

	/**
	 * Observers that observe nothing, allocate nothing and cost a call each.
	 *
	 * @return the no-op observers
	 */
	static TokenObservers none() {
		return Unobserved.INSTANCE;
	}

}
