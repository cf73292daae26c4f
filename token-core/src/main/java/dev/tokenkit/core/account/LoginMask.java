package dev.tokenkit.core.account;

/**
 * Masks a login for log lines: a user who types the password into the login field must not find it in the log.
 */
final class LoginMask {

	private LoginMask() {
	}

	static String mask(String login) {
		if (login.isEmpty()) {
			return "<empty>";
		}
		return login.charAt(0) + "***(" + login.length() + ")";
	}

}
