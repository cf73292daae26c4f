package dev.tokenkit.core.observation;

/**
 * One observed operation, started by {@link TokenObserver#start()}: end it exactly once, with its outcome.
 *
 * @since 0.1.0
 */
public interface TokenObservation {

	/** Ends the operation as a success. */
	void succeeded();

	/**
	 * Ends the operation as a failure.
	 *
	 * @param reason why it failed
	 */
	void failed(FailureReason reason);

}
