package dev.tokenkit.boot;

/**
 * A {@code tokenkit.*} setting that cannot work, naming the property and why, never quoting a secret. Start-up stops, and {@link TokenKitFailureAnalyzer} prints the one description.
 *
 * @since 0.1.0
 */
public final class TokenKitConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String reason;

	/**
	 * Creates the exception.
	 *
	 * @param property the property's name, for example {@code tokenkit.jwt.secret}
	 * @param reason why it cannot work and what it accepts, without its value
	 */
	public TokenKitConfigurationException(String property, String reason) {
		super(property + ": " + reason);
		this.property = property;
		this.reason = reason;
	}

	/**
	 * The property's name.
	 *
	 * @return the name
	 */
	public String property() {
		return this.property;
	}

	/**
	 * Why it cannot work.
	 *
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

}
