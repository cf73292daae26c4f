package dev.tokenkit.core.observation;

/**
 * Observes one kind of operation (for example the token checks, or the issues of one dialect), made once by
 * {@link TokenObservers} and asked on every call. Thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TokenObserver {

	/**
	 * Starts observing one call, on the thread that makes it.
	 *
	 * @return the observation to end when the call ends
	 */
	TokenObservation start();

}
