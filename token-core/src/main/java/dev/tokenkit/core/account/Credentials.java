package dev.tokenkit.core.account;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a client sent to prove who it is. {@link #toString()} never shows the password or the api key.
 *
 * @param login a username or an email address
 * @param password the password in clear, as sent
 * @param apiKey the api key in clear, as sent, or {@code null} where the dialect has none
 * @since 0.1.0
 */
public record Credentials(String login, String password, @Nullable String apiKey) {

	/**
	 * Checks the values.
	 *
	 * @param login a username or an email address
	 * @param password the password in clear
	 * @param apiKey the api key in clear, or {@code null}
	 */
	public Credentials {
		Objects.requireNonNull(login, "login cannot be null");
		Objects.requireNonNull(password, "password cannot be null");
	}

	/**
	 * Credentials without an api key.
	 *
	 * @param login a username or an email address
	 * @param password the password in clear
	 * @return the credentials
	 */
	public static Credentials of(String login, String password) {
		return new Credentials(login, password, null);
	}

	/**
	 * Describes the credentials without their secrets.
	 *
	 * @return a description that is safe to log
	 */
	@Override
	public String toString() {
		return "Credentials[login=" + LoginMask.mask(this.login) + ", password=[PROTECTED], apiKey="
				+ ((this.apiKey != null) ? "[PROTECTED]" : "none") + "]";
	}

}
