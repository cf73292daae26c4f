package dev.tokenkit.core.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stands in for a login in log lines. A user who types the password into the login field must not find any of it in
 * the log, so no character of the login is shown: only the first 8 bytes of its HMAC-SHA256 under a key drawn at
 * start-up, which tells repeated attempts on one login apart from a spray over many without telling what the login
 * is, and means nothing after a restart.
 */
final class LoginMask {

	private static final SecretKeySpec KEY = new SecretKeySpec(randomKey(), "HmacSHA256");

	private LoginMask() {
	}

	static String mask(String login) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(KEY);
			byte[] digest = mac.doFinal(login.getBytes(StandardCharsets.UTF_8));
			return "login#" + HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform must support HmacSHA256", ex);
		}
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

}
