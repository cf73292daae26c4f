package dev.tokenkit.sample;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.tokenkit.core.testing.Deflate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the hostile JWTs of the catalog's section 9 from a genuine token of the sample: its header and claims,
 * changed as a case needs, then signed with HS256 under a chosen key (the sample's own secret, to prove that a check
 * other than the signature refuses the token, or an attacker's).
 */
final class JwtForge {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final byte[] secret;

	private final ObjectNode header;

	private final ObjectNode claims;

	/**
	 * @param secret the sample's HS256 secret
	 * @param genuine a token the sample issued, whose header and claims are the starting point
	 */
	JwtForge(byte[] secret, String genuine) {
		this.secret = secret.clone();
		String[] parts = genuine.split("\\.");
		this.header = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
		this.claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
	}

	/** The genuine header and claims, changed by the two editors, signed with the sample's secret. */
	String signed(Consumer<ObjectNode> headerEdit, Consumer<ObjectNode> claimsEdit) {
		ObjectNode header = this.header.deepCopy();
		ObjectNode claims = this.claims.deepCopy();
		headerEdit.accept(header);
		claimsEdit.accept(claims);
		return signedText(header.toString(), claims.toString(), this.secret);
	}

	/** The genuine header with changed claims, signed with the sample's secret. */
	String withClaims(Consumer<ObjectNode> claimsEdit) {
		return signed((header) -> {
		}, claimsEdit);
	}

	/** The genuine claims under a changed header, signed with the sample's secret. */
	String withHeader(Consumer<ObjectNode> headerEdit) {
		return signed(headerEdit, (claims) -> {
		});
	}

	/** The genuine claims as JSON text. */
	String claimsText() {
		return this.claims.toString();
	}

	/**
	 * A decompression bomb within a JWT's length: the genuine header with {@code zip: DEF} over the genuine claims
	 * padded with a member of {@code padding} letters and compressed with DEFLATE (as jjwt's {@code DEF} writes it),
	 * HS256-signed with the given key.
	 */
	String compressedBomb(int padding, byte[] key) {
		ObjectNode header = this.header.deepCopy().put("zip", "DEF");
		ObjectNode claims = this.claims.deepCopy().put("pad", "a".repeat(padding));
		byte[] compressed = Deflate.compress(claims.toString().getBytes(StandardCharsets.UTF_8));
		return signedPayload(header.toString(), compressed, key);
	}

	/** {@link #compressedBomb(int, byte[])} signed with the sample's secret. */
	String compressedBomb(int padding) {
		return compressedBomb(padding, this.secret);
	}

	/** The genuine header as JSON text. */
	String headerText() {
		return this.header.toString();
	}

	/** Header and claims given as text (so that they may be any bytes, duplicate members included), HS256-signed. */
	static String signedText(String header, String claims, byte[] key) {
		return signedPayload(header, claims.getBytes(StandardCharsets.UTF_8), key);
	}

	/** A header given as text over a payload given as bytes (a compressed one, say), HS256-signed. */
	static String signedPayload(String header, byte[] payload, byte[] key) {
		String input = encode(header) + "." + encode(payload);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return input + "." + BASE64URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Base64url without padding of the text's UTF-8 bytes. */
	static String encode(String text) {
		return encode(text.getBytes(StandardCharsets.UTF_8));
	}

	static String encode(byte[] bytes) {
		return BASE64URL.encodeToString(bytes);
	}

}
