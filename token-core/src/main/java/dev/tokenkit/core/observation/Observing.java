package dev.tokenkit.core.observation;

import java.util.function.Supplier;

import dev.tokenkit.core.StoreUnavailableException;
import org.jspecify.annotations.Nullable;

/** Runs a call under an observation: a success when it returns, a store outage or an error when it throws. */
final class Observing {

	private Observing() {
	}

	static <T extends @Nullable Object> T call(TokenObserver observer, Supplier<T> call) {
		TokenObservation observation = observer.start();
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
