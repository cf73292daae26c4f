package dev.tokenkit.core;

/**
 * Hears about issued, rejected, revoked and expired tokens, for audit logs and metrics. Called on the request thread:
 * keep it quick, and never throw.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TokenListener {

	/**
	 * Called after something happened to a token.
	 *
	 * @param event what happened
	 */
	void onEvent(TokenEvent event);

	/**
	 * A listener that does nothing, the default of every service.
	 *
	 * @return the no-op listener
	 */
	static TokenListener disabled() {
		return (event) -> {
		};
	}

}
