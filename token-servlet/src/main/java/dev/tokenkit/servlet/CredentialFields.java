package dev.tokenkit.servlet;

import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.core.account.PasswordAuthenticator;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * Pulls credential fields out of a parsed body and checks every credential, wherever it came from: the login present
 * and not empty, no control characters anywhere, a password no longer than the authenticator checks.
 *
 * @since 0.1.0
 */
final class CredentialFields {

	private CredentialFields() {
	}

	/**
	 * A child object.
	 *
	 * @param parent the parent object
	 * @param name the child's name
	 * @return the child
	 * @throws TokenKitHttpException {@code 400} if it is missing or not an object
	 */
	public static JsonNode object(JsonNode parent, String name) {
		JsonNode child = parent.get(name);
		if (child == null || !child.isObject()) {
			throw TokenErrors.badRequest("The " + name + " element is missing or not an object");
		}
		return child;
	}

	/**
	 * A child text.
	 *
	 * @param parent the parent object
	 * @param name the child's name
	 * @return the text
	 * @throws TokenKitHttpException {@code 400} if it is missing or not a string
	 */
	public static String text(JsonNode parent, String name) {
		JsonNode child = parent.get(name);
		if (child == null || !child.isString()) {
			throw TokenErrors.badRequest("The " + name + " field is missing or not a string");
		}
		return child.stringValue();
	}

	/**
	 * Checks credentials and returns them.
	 *
	 * @param login the login as sent, or {@code null} when missing
	 * @param password the password as sent, or {@code null} when missing
	 * @param apiKey the api key as sent, or {@code null} where the dialect has none
	 * @return the checked credentials
	 * @throws TokenKitHttpException {@code 400} if a part is missing, empty (but for the password), too long or holds a
	 * control character
	 */
	public static Credentials check(@Nullable String login, @Nullable String password, @Nullable String apiKey) {
		if (login == null || login.isEmpty() || password == null) {
			throw TokenErrors.badRequest("Both a login and a password are required");
		}
		if (apiKey != null && apiKey.isEmpty()) {
			throw TokenErrors.badRequest("An api_key is required");
		}
		if (login.length() > 320 || password.length() > PasswordAuthenticator.MAX_PASSWORD_LENGTH
				|| (apiKey != null && apiKey.length() > 256)) {
			throw TokenErrors.badRequest("A credential is too long");
		}
		if (TextRules.hasControlCharacter(login) || TextRules.hasControlCharacter(password)
				|| (apiKey != null && TextRules.hasControlCharacter(apiKey))) {
			throw TokenErrors.badRequest("Credentials must not hold control characters");
		}
		return new Credentials(login, password, apiKey);
	}

}
