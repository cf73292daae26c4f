package dev.tokenkit.core.observation;

import java.util.function.Supplier;

import dev.tokenkit.core.StoreUnavailableException;
import org.jspecify.annotations.Nullable;

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

	/**
	 * Runs a call under an observation: a success when it returns, a failure with
	 * {@link FailureReason#STORE_UNAVAILABLE} or {@link FailureReason#ERROR} when it throws (rethrown as it is).
	 *
	 * @param <T> what the call returns
	 * @param call the call
	 * @return what it returned
	 */
	default <T extends @Nullable Object> T observe(Supplier<T> call) {
		TokenObservation observation = start();
		try {
			T result = call.get();
			observation.succeeded();
			return result;
		}
		catch (StoreUnavailableException ex) {
			observation.failed(FailureReason.STORE_UNAVAILABLE);
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			observation.failed(FailureReason.ERROR);
			throw ex;
		}
	}

}
