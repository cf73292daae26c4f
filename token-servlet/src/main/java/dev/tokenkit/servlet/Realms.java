package dev.tokenkit.servlet;

import java.util.Objects;

/** Checks realm names, which are written into {@code WWW-Authenticate} quoted strings. */
final class Realms {

	private Realms() {
	}

	static String require(String realm) {
		Objects.requireNonNull(realm, "realm cannot be null");
		if (!realm.matches("[A-Za-z0-9 ._-]{1,64}")) {
			throw new IllegalArgumentException("realm must be 1 to 64 letters, digits, spaces, '.', '_' or '-'");
		}
		return realm;
	}

}
