package dev.tokenkit.core.observation;

/** {@link TokenObservers#none()}: one instance that is every no-op observer and observation at once. */
enum Unobserved implements TokenObservers, TokenObserver, TokenObservation {

	INSTANCE;

	@Override
	public TokenObserver issues(String dialect) {
		return this;
	}

	@Override
	public TokenObserver checks() {
		return this;
	}

	@Override
	public TokenObserver revocations(String operation) {
		return this;
	}

	@Override
	public TokenObserver storeCalls(String operation) {
		return this;
	}

	@Override
	public TokenObservation start() {
		return this;
	}

	@Override
	public void succeeded() {
	}

	@Override
	public void failed(FailureReason reason) {
	}

}
