package dev.tokenkit.spring;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall}, set up for tokenkit's credentials. A container hands header bytes to
 * the app as ISO-8859-1 characters, and tokenkit reads the {@code Authorization: user login:password} header as UTF-8,
 * so a password such as {@code pässwörd} arrives as {@code pÃ¤sswÃ¶rd}; some of those characters are C1 controls
 * (the second byte of {@code Ü} is {@code 0x9C}), which the firewall's default header check refuses. The check here
 * allows what the default allows and, for a value of the {@code user} scheme only, a value whose bytes are valid UTF-8
 * and encode text without control, format, separator, private-use or unassigned characters. Every other
 * header is checked as by default, so no other header brings C1 characters into the app.
 *
 * <pre>{@code
 * @Bean
 * WebSecurityCustomizer firewall() {
 *     return (web) -> web.httpFirewall(TokenKitFirewall.strict())
 *         .requestRejectedHandler(TokenKitFirewall.rejectedRequests());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TokenKitFirewall {

	/** Spring Security's default: assigned characters that are not controls, and tab. */
	private static final Pattern ASSIGNED_AND_NOT_CONTROL = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	/** Text without control, format, line or paragraph separator, private-use, surrogate or unassigned characters. */
	private static final Pattern PRINTABLE_TEXT = Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Co}\\p{Cs}\\p{Cn}]*");

	/** The scheme of the DSI credentials header, the only one whose value is read as UTF-8. */
	private static final String USER_SCHEME = "user ";

	private TokenKitFirewall() {
	}

	/**
	 * A {@link StrictHttpFirewall} with its defaults, but header values checked by {@link #allowedHeaderValues()}.
	 *
	 * @return the firewall
	 */
	public static StrictHttpFirewall strict() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderValues(allowedHeaderValues());
		return firewall;
	}

	/**
	 * Answers a request the firewall rejected the way tokenkit answers a malformed request: {@code 400}, a fixed
	 * plain-text body with its charset, {@code X-Content-Type-Options: nosniff}, {@code Cache-Control: no-store}, and
	 * nothing of the request (the rejection's message quotes it, and it may hold a password or a token). Spring
	 * Security's own {@code HttpStatusRequestRejectedHandler} sends a bare error, which the container renders without
	 * those headers.
	 *
	 * @return the handler
	 */
	public static RequestRejectedHandler rejectedRequests() {
		return (request, response, rejected) -> {
			if (response.isCommitted()) {
				return;
			}
			response.resetBuffer();
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Cache-Control", "no-store");
			response.setHeader("Pragma", "no-cache");
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().write("Bad request\n");
		};
	}

	/**
	 * The header-value check: the firewall's default, applied to the value as the container gives it; or, for a value
	 * of the {@code user} scheme whose characters are bytes of valid UTF-8, a check of the text they encode.
	 *
	 * @return the check
	 */
	public static Predicate<String> allowedHeaderValues() {
		return (value) -> isPrintableAscii(value) || ASSIGNED_AND_NOT_CONTROL.matcher(value).matches()
				|| (value.regionMatches(true, 0, USER_SCHEME, 0, USER_SCHEME.length())
						&& PRINTABLE_TEXT.matcher(asUtf8(value)).matches());
	}

	/**
	 * Printable ASCII and tab, which the default check allows: a loop, so that the common header (a bearer token, a
	 * content type) skips the regular expression read on every header access.
	 */
	private static boolean isPrintableAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < 0x20 && c != '\t') || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	/** The text the value's characters encode as UTF-8 bytes, or a control character if they do not. */
	private static String asUtf8(String value) {
		byte[] bytes = new byte[value.length()];
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0xFF) {
				return "\u0000";
			}
			bytes[i] = (byte) c;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return "\u0000";
		}
	}

}
