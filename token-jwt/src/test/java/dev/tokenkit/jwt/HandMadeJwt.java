package dev.tokenkit.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JWTs built by hand, byte by byte, to attack the service with tokens its own issuer would never make. */
final class HandMadeJwt {

	private HandMadeJwt() {
	}

	static String b64(String json) {
		return b64(json.getBytes(StandardCharsets.UTF_8));
	}

	static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hs256(String header, String payload, byte[] secret) {
		return hs256(header, payload.getBytes(StandardCharsets.UTF_8), secret);
	}

	/** A payload given as bytes (a compressed one, say) under a header given as text, HS256-signed. */
	static String hs256(String header, byte[] payload, byte[] secret) {
		String signingInput = b64(header) + "." + b64(payload);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String unsigned(String header, String payload) {
		return b64(header) + "." + b64(payload) + ".";
	}

	/** A payload with every claim the service requires, valid from {@code iat} for {@code seconds}. */
	static String claims(long iat, long seconds, String iss, String aud) {
		return "{\"jti\":\"hand-made\",\"sub\":\"acct-alice\",\"iat\":" + iat + ",\"exp\":" + (iat + seconds)
				+ ",\"username\":\"alice\",\"authorities\":[\"ROLE_USER\"],\"iss\":\"" + iss + "\",\"aud\":\"" + aud
				+ "\"}";
	}

}
