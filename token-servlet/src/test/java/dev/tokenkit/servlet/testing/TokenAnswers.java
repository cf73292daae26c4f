package dev.tokenkit.servlet.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What tokenkit's answers look like, byte for byte, shared by every HTTP test of every module so that the servlet and
 * the Spring plug-in are held to one expectation.
 */
public final class TokenAnswers {

	/** An opaque token, or a signed JWT (three base64url parts). */
	public static final String TOKEN = "(tk_[A-Za-z0-9_-]{49}|eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)";

	public static final Pattern DSI_JSON = Pattern.compile("\"" + TOKEN + "\"");

	public static final Pattern DSI_XML = Pattern
		.compile("<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?><string>" + TOKEN + "</string>");

	public static final Pattern DSI_CSV = Pattern.compile(TOKEN);

	public static final Pattern GG_XML = Pattern.compile("<\\?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"\\?>"
			+ "<auth_response><access_token>" + TOKEN + "</access_token></auth_response>");

	public static final Pattern GG_JSON = Pattern.compile("\\{\"auth_response\":\\{\"access_token\":\"" + TOKEN + "\"}}");

	public static final String INVALID_CREDENTIALS_JSON = "{\"error\":{\"status\":401,\"code\":\"invalid_credentials\","
			+ "\"message\":\"Invalid credentials\"}}";

	public static final String INVALID_CREDENTIALS_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><error><status>401"
			+ "</status><code>invalid_credentials</code><message>Invalid credentials</message></error>";

	private TokenAnswers() {
	}

	public static Pattern jsonp(String callback) {
		return Pattern.compile("/\\*\\*/" + Pattern.quote(callback) + "\\(\"" + TOKEN + "\"\\);");
	}

	/** Asserts a 200 token answer of the given shape and content type, with the no-store headers; returns the token. */
	public static String token(RawHttp.Response response, Pattern shape, String contentType) {
		assertThat(response.status()).as("status of %s", response).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualToIgnoringCase(contentType + ";charset=UTF-8");
		assertNoStore(response);
		Matcher matcher = shape.matcher(response.body());
		assertThat(matcher.matches()).as("body %s matches %s", response.body(), shape).isTrue();
		return matcher.group(1);
	}

	/** Asserts the headers every token or credential answer carries. */
	public static void assertNoStore(RawHttp.Response response) {
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(response.header("Pragma")).isEqualTo("no-cache");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	/** Asserts an error answer: status, a JSON error body with that status, no-store, no trace, no token. */
	public static void jsonError(RawHttp.Response response, int status, String code) {
		assertThat(response.status()).as("status of %s", response).isEqualTo(status);
		assertThat(response.header("Content-Type")).isEqualToIgnoringCase("application/json;charset=UTF-8");
		assertThat(response.body()).startsWith("{\"error\":{\"status\":" + status + ",\"code\":\"" + code + "\"");
		assertNoStore(response);
		assertSafe(response);
	}

	/** Asserts an error answer in JSON or XML: status, the error document with that status, no-store, no trace. */
	public static void error(RawHttp.Response response, int status, String contentType) {
		assertThat(response.status()).as("status of %s", response).isEqualTo(status);
		assertThat(response.header("Content-Type")).isEqualToIgnoringCase(contentType + ";charset=UTF-8");
		String json = "{\"error\":{\"status\":" + status + ",\"code\":\"";
		String start = switch (contentType) {
			case "application/json" -> json;
			case "application/javascript" -> "/**/";
			default -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><error><status>" + status + "</status><code>";
		};
		assertThat(response.body()).startsWith(start);
		assertNoStore(response);
		assertSafe(response);
	}

	/** Asserts that a body leaks neither a token nor a stack trace. */
	public static void assertSafe(RawHttp.Response response) {
		assertThat(response.body()).doesNotContainPattern(TOKEN)
			.doesNotContain("Exception")
			.doesNotContain("at java.")
			.doesNotContain("at org.");
	}

}
