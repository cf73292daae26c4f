package dev.tokenkit.jwt;

/**
 * The shape check of a compact JWS, before any parsing: three base64url parts without padding, each of a length base64
 * can have, whose last character carries no stray low bits. A decoder ignores padding and those bits, so without this
 * check one signed token would have other spellings that a client could present as distinct tokens (catalog O-12,
 * W-10).
 */
final class CompactJws {

	private CompactJws() {
	}

	/** Whether the token is a compact JWS written the one way tokenkit writes it. */
	static boolean isCanonical(String token) {
		int dots = 0;
		int partStart = 0;
		for (int i = 0; i <= token.length(); i++) {
			if (i == token.length() || token.charAt(i) == '.') {
				if (!isCanonicalPart(token, partStart, i)) {
					return false;
				}
				dots++;
				partStart = i + 1;
			}
		}
		return dots == 3;
	}

	private static boolean isCanonicalPart(String token, int start, int end) {
		int length = end - start;
		if (length == 0 || length % 4 == 1) {
			return false;
		}
		int last = 0;
		for (int i = start; i < end; i++) {
			last = base64urlValue(token.charAt(i));
			if (last < 0) {
				return false;
			}
		}
		int strayBits = (length % 4 == 2) ? 0x0F : (length % 4 == 3) ? 0x03 : 0;
		return (last & strayBits) == 0;
	}

	private static int base64urlValue(char c) {
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a' + 26;
		}
		if (c >= '0' && c <= '9') {
			return c - '0' + 52;
		}
		return (c == '-') ? 62 : (c == '_') ? 63 : -1;
	}

}
