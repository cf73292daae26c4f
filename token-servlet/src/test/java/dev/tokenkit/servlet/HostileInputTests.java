package dev.tokenkit.servlet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TestServer;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests against both dialects and the filter, one row each: every one gets its documented 4xx, with a JSON
 * error body (unless the container itself refuses the bytes first), never a 5xx, never a token, never a stack trace,
 * never a store write, never a call to a protected handler, and a challenge on every 401. A canary listener on
 * 127.0.0.1 counts connections the XML bodies try to make.
 */
class HostileInputTests {

	private static TestServer server;

	private static ServerSocket canary;

	private static final AtomicInteger canaryConnections = new AtomicInteger();

	/** One hostile request and its documented status; {@code containerMayAnswer} when Jetty may refuse it first. */
	record Case(String name, String requestLine, List<String> headers, byte[] body, int status,
			boolean containerMayAnswer) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	@BeforeAll
	static void start() throws IOException {
		server = new TestServer().start();
		canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread listener = new Thread(() -> {
			while (!canary.isClosed()) {
				try (Socket connection = canary.accept()) {
					canaryConnections.incrementAndGet();
					connection.shutdownOutput();
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		listener.setDaemon(true);
		listener.start();
	}

	@AfterAll
	static void stop() throws IOException {
		server.close();
		canary.close();
	}

	static Stream<Case> cases() {
		List<Case> cases = new ArrayList<>();
		String canaryUrl = "http://127.0.0.1:" + canary.getLocalPort();
		// DSI credentials in headers and the query
		cases.add(get("user scheme without colon", "/authentication_token", 400, "Authorization: user me"));
		cases.add(get("user scheme with empty login", "/authentication_token", 400, "Authorization: user :my_password"));
		cases.add(get("user scheme with empty password", "/authentication_token", 401, "Authorization: user me:"));
		cases.add(get("user scheme with nothing", "/authentication_token", 400, "Authorization: user"));
		cases.add(get("bearer scheme on issuing path", "/authentication_token", 401, "Authorization: Bearer abc"));
		cases.add(get("digest scheme on issuing path", "/authentication_token", 401, "Authorization: Digest x=y"));
		cases.add(get("two Authorization headers", "/authentication_token", 400, "Authorization: user me:my_password",
				"Authorization: user alice:Correct-Horse-9"));
		cases.add(get("header and query credentials", "/authentication_token?username=alice&password=Correct-Horse-9",
				400, "Authorization: user me:wrong"));
		cases.add(rawHeader("control character in header password", "Authorization: user me:my_pass\u0001word", 400));
		cases.add(rawHeader("DEL in header password", "Authorization: user me:my_pass\u007fword", 400));
		cases.add(utf8Header("C1 control in header password", "Authorization: user me:my_pass\u0085word", 400));
		cases.add(rawBytesHeader("invalid UTF-8 in header", new byte[] { (byte) 0xC3, 0x28 }, 400));
		cases.add(get("Basic with invalid base64", "/authentication_token", 400, "Authorization: Basic !!!notbase64"));
		cases.add(get("Basic without colon", "/authentication_token", 400, "Authorization: Basic bWVteXBhc3N3b3Jk"));
		cases.add(get("Basic with invalid UTF-8", "/authentication_token", 400, "Authorization: Basic bWU6wyg="));
		cases.add(get("username without password", "/authentication_token?username=me", 400));
		cases.add(get("password without username", "/authentication_token?password=my_password", 400));
		cases.add(get("username twice", "/authentication_token?username=me&username=alice&password=my_password", 400));
		cases.add(get("malformed percent escape", "/authentication_token?username=%zz&password=x", 400));
		cases.add(get("invalid UTF-8 in query", "/authentication_token?username=%C3%28&password=x", 400));
		cases.add(get("NUL in query password", "/authentication_token?username=me&password=my_password%00", 400));
		cases.add(get("password over 1024 characters", "/authentication_token?username=me&password=" + "x".repeat(1100),
				400));
		cases.add(get("login over 320 characters", "/authentication_token?username=" + "m".repeat(400) + "&password=x",
				400));
		// JSONP and formats
		cases.add(get("callback with call syntax", "/authentication_token?username=me&password=x&callback=alert(1)%3B%2F%2F",
				400));
		cases.add(get("callback with script tags",
				"/authentication_token?username=me&password=x&callback=%3C%2Fscript%3E%3Cscript%3Ealert(1)", 400));
		cases.add(get("callback with CRLF", "/authentication_token?username=me&password=x&callback=cb%0D%0ASet-Cookie:x",
				400));
		cases.add(get("callback over 128 characters",
				"/authentication_token?username=me&password=x&callback=CWS" + "a".repeat(1000), 400));
		cases.add(get("empty callback", "/authentication_token?username=me&password=x&callback=", 400));
		cases.add(get("callback twice", "/authentication_token?username=me&password=x&callback=a&callback=b", 400));
		cases.add(get("Accept text/html only", "/authentication_token?username=me&password=my_password", 406,
				"Accept: text/html"));
		cases.add(get("Accept javascript without callback", "/authentication_token?username=me&password=my_password",
				406, "Accept: application/javascript"));
		cases.add(get("empty Accept range on DSI", "/authentication_token?username=me&password=my_password", 406,
				"Accept: ;"));
		cases.add(get("JSONP with Basic credentials", "/authentication_token?callback=steal", 400,
				"Authorization: Basic bWU6bXlfcGFzc3dvcmQ="));
		cases.add(get("path parameter on issuing path", "/authentication_token;setup.bat?username=me&password=my_password",
				400));
		cases.add(send("POST on token path", "POST /authentication_token?username=me&password=my_password", 405,
				"username=me", "Content-Type: application/x-www-form-urlencoded"));
		cases.add(send("PUT on credentials path", "PUT /authentication_credentials", 405, ""));
		// DSI bodies
		String good = "{\"Username\":\"me\",\"Password\":\"my_password\"}";
		cases.add(post("JSON as text/plain", "/authentication_credentials", good, 415, "Content-Type: text/plain"));
		cases.add(post("JSON without Content-Type", "/authentication_credentials", good, 415));
		cases.add(post("empty Content-Type", "/authentication_credentials", good, 415, "Content-Type: ;"));
		cases.add(post("form body", "/authentication_credentials", "Username=me&Password=my_password", 415,
				"Content-Type: application/x-www-form-urlencoded"));
		cases.add(post("multipart body", "/authentication_credentials", "--b\r\n\r\nx\r\n--b--", 415,
				"Content-Type: multipart/form-data; boundary=b"));
		cases.add(post("UTF-16 charset", "/authentication_credentials", good, 400,
				"Content-Type: application/json; charset=UTF-16"));
		cases.add(json("trailing data", good + "xyz", 400));
		cases.add(json("duplicate keys", "{\"Username\":\"bob\",\"Username\":\"me\",\"Password\":\"my_password\"}", 400));
		cases.add(json("wrong key case", "{\"username\":\"me\",\"password\":\"my_password\"}", 400));
		cases.add(json("null values", "{\"Username\":null,\"Password\":null}", 400));
		cases.add(json("array username", "{\"Username\":[\"me\"],\"Password\":\"my_password\"}", 400));
		cases.add(json("operator object password", "{\"Username\":\"me\",\"Password\":{\"$ne\":\"\"}}", 400));
		cases.add(json("number password", "{\"Username\":\"me\",\"Password\":12345678}", 400));
		cases.add(json("comments", "{/*x*/\"Username\":\"me\",\"Password\":\"my_password\"}", 400));
		cases.add(json("single quotes on DSI", "{'Username':'me','Password':'my_password'}", 400));
		cases.add(json("trailing comma", "{\"Username\":\"me\",\"Password\":\"my_password\",}", 400));
		cases.add(json("deep nesting", "[".repeat(5000) + "]".repeat(5000), 400));
		cases.add(json("5000-digit number", "{\"Username\":\"me\",\"Password\":\"x\",\"n\":" + "9".repeat(5000) + "}", 400));
		cases.add(json("empty object", "{}", 400));
		cases.add(json("array root", "[]", 400));
		cases.add(json("null root", "null", 400));
		cases.add(json("NUL in username", "{\"Username\":\"me\\u0000\",\"Password\":\"my_password\"}", 400));
		cases.add(new Case("invalid UTF-8 in JSON body", "POST /authentication_credentials HTTP/1.1",
				List.of("Content-Type: application/json"), concat("{\"Username\":\"me\",\"Password\":\"",
						new byte[] { (byte) 0xC3, 0x28 }, "\"}"), 400, false));
		cases.add(json("body over 16 KiB", "{\"Username\":\"me\",\"Password\":\"" + "x".repeat(17_000) + "\"}", 413));
		cases.add(new Case("declared length over limit", "POST /authentication_credentials HTTP/1.1",
				List.of("Content-Type: application/json", "Content-Length: 10485760"), new byte[0], 413, false));
		cases.add(post("gzip body", "/authentication_credentials", good, 415, "Content-Type: application/json",
				"Content-Encoding: gzip"));
		cases.add(post("header and body credentials", "/authentication_credentials", good, 400,
				"Content-Type: application/json", "Authorization: user me:my_password"));
		cases.add(xml("XXE reading a file", "<?xml version=\"1.0\"?><!DOCTYPE Credentials [<!ENTITY xxe SYSTEM "
				+ "\"file:///etc/passwd\">]><Credentials><Username>&xxe;</Username><Password>x</Password></Credentials>"));
		cases.add(xml("XXE fetching a URL", "<?xml version=\"1.0\"?><!DOCTYPE Credentials [<!ENTITY xxe SYSTEM \""
				+ canaryUrl + "/x\">]><Credentials><Username>&xxe;</Username><Password>x</Password></Credentials>"));
		cases.add(xml("external DTD", "<!DOCTYPE Credentials SYSTEM \"" + canaryUrl + "/c.dtd\"><Credentials>"
				+ "<Username>me</Username><Password>x</Password></Credentials>"));
		cases.add(xml("parameter entity", "<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + canaryUrl + "/p.dtd\"> %p;]>"
				+ "<Credentials><Username>me</Username><Password>x</Password></Credentials>"));
		cases.add(xml("billion laughs", billionLaughs()));
		cases.add(xml("harmless DOCTYPE", "<!DOCTYPE Credentials><Credentials><Username>me</Username>"
				+ "<Password>my_password</Password></Credentials>"));
		cases.add(xml("XML 1.1", "<?xml version=\"1.1\"?><Credentials><Username>m&#1;e</Username>"
				+ "<Password>my_password</Password></Credentials>"));
		cases.add(xml("wrong root", "<CredentialsX><Username>me</Username><Password>my_password</Password></CredentialsX>"));
		cases.add(xml("Username twice", "<Credentials><Username>bob</Username><Username>me</Username>"
				+ "<Password>my_password</Password></Credentials>"));
		cases.add(xml("unclosed tag", "<Credentials><Username>me</Username><Password>my_password</Credentials>"));
		cases.add(xml("two roots", "<Credentials><Username>me</Username><Password>my_password</Password></Credentials>"
				+ "<Credentials><Username>me</Username><Password>my_password</Password></Credentials>"));
		cases.add(xml("garbage after the root", "<Credentials><Username>me</Username><Password>my_password</Password>"
				+ "</Credentials><<<garbage &&& <!DOCTYPE x>"));
		cases.add(xml("UTF-16 declaration", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><Credentials><Username>me"
				+ "</Username><Password>my_password</Password></Credentials>"));
		cases.add(xml("1500 nested elements", "<a>".repeat(1500) + "</a>".repeat(1500)));
		cases.add(xml("password with text and elements", "<Credentials><Username>me</Username><Password>my_<b/>password"
				+ "</Password></Credentials>"));
		cases.add(xml("NUL character reference", "<Credentials><Username>me&#0;</Username><Password>x</Password>"
				+ "</Credentials>"));
		cases.add(xml("XInclude", "<Credentials xmlns:xi=\"http://www.w3.org/2001/XInclude\"><Username><xi:include "
				+ "href=\"file:///etc/passwd\" parse=\"text\"/></Username><Password>x</Password></Credentials>"));
		// GlobalGiving
		String gg = GlobalGivingEndpointTests.SEED_JSON;
		cases.add(post("GG text/plain", "/api/userservice/tokens", gg, 415, "Content-Type: text/plain"));
		cases.add(post("GG unsniffable body", "/api/userservice/tokens", "email=x", 415));
		cases.add(ggJson("GG without auth_request", "{'user':{'email':'a','password':'b'},'api_key':'k'}"));
		cases.add(ggJson("GG auth_request null", "{\"auth_request\":null}"));
		cases.add(ggJson("GG auth_request array", "{\"auth_request\":[]}"));
		cases.add(ggJson("GG user as string", "{\"auth_request\":{\"user\":\"John_Doe@hotmail.com\",\"api_key\":\"K\"}}"));
		cases.add(ggJson("GG password missing", "{'auth_request':{'user':{'email':'John_Doe@hotmail.com'},'api_key':'K'}}"));
		cases.add(ggJson("GG empty api_key", gg.replace("YOUR_API_KEY", "")));
		cases.add(ggJson("GG comments", "/**/" + gg));
		cases.add(post("GG api_key in body and query", "/api/userservice/tokens?api_key=YOUR_API_KEY", gg, 400,
				"Content-Type: application/json"));
		cases.add(post("GG query credentials on POST",
				"/api/userservice/tokens?email=John_Doe%40hotmail.com&password=somepassword&api_key=YOUR_API_KEY", "",
				400));
		cases.add(post("GG XXE", "/api/userservice/tokens", "<!DOCTYPE auth_request [<!ENTITY x SYSTEM \"" + canaryUrl
				+ "/gg\">]><auth_request><user><email>&x;</email><password>p</password></user><api_key>k</api_key>"
				+ "</auth_request>", 400, "Content-Type: application/xml"));
		cases.add(post("GG billion laughs", "/api/userservice/tokens", billionLaughs(), 400,
				"Content-Type: application/xml"));
		cases.add(post("GG wrong root", "/api/userservice/tokens", "<foo><user><email>John_Doe@hotmail.com</email>"
				+ "<password>somepassword</password></user><api_key>YOUR_API_KEY</api_key></foo>", 400,
				"Content-Type: application/xml"));
		cases.add(post("GG Accept text/html", "/api/userservice/tokens", gg, 406, "Content-Type: application/json",
				"Accept: text/html"));
		cases.add(send("GG PUT", "PUT /api/userservice/tokens", 405, gg, "Content-Type: application/json"));
		cases.add(post("GG empty Accept range", "/api/userservice/tokens", gg, 406, "Content-Type: application/json",
				"Accept: ;"));
		cases.add(post("GG empty Content-Type", "/api/userservice/tokens", gg, 415, "Content-Type: ;"));
		cases.add(ggJson("GG body over 16 KiB", gg.replace("somepassword", "x".repeat(17_000)), 413));
		cases.add(ggJson("GG control character in email", gg.replace("John_Doe@", "John_Doe\\u0007@")));
		// the filter
		cases.add(get("Bearer without token", "/api/secure/x", 401, "Authorization: Bearer"));
		cases.add(get("empty Accept range on secure path", "/api/secure/x", 401, "Accept: ;"));
		cases.add(get("Bearer with two parts", "/api/secure/x", 401, "Authorization: Bearer abc def"));
		cases.add(get("Bearer outside b64token", "/api/secure/x", 401, "Authorization: Bearer abc%\"def"));
		cases.add(get("Bearer with leading padding", "/api/secure/x", 401, "Authorization: Bearer ==abc"));
		cases.add(get("token in header and query", "/api/secure/x?access_token=abc", 400, "Authorization: Bearer abc"));
		cases.add(get("api_token and access_token", "/api/secure/x?api_token=abc&access_token=def", 400));
		cases.add(get("access_token twice", "/api/secure/x?access_token=abc&access_token=abc", 400));
		cases.add(get("empty access_token", "/api/secure/x?access_token=", 400));
		cases.add(get("two Bearer headers", "/api/secure/x", 400, "Authorization: Bearer abc",
				"Authorization: Bearer def"));
		cases.add(get("Basic on secure path", "/api/secure/x", 401, "Authorization: Basic bWU6bXlfcGFzc3dvcmQ="));
		cases.add(get("user credentials on secure path", "/api/secure/x", 401, "Authorization: user me:my_password"));
		cases.add(get("token only in a cookie", "/api/secure/x", 401, "Cookie: access_token=abc"));
		cases.add(get("stored hash as token", "/api/secure/x", 401, "Authorization: Bearer " + "ab".repeat(32)));
		cases.add(get("6 KB token", "/api/secure/x", 401, "Authorization: Bearer " + "A".repeat(6000)));
		cases.add(get("routing override headers", "/api/secure/x", 401, "X-Original-URL: /public/x",
				"X-Rewrite-URL: /public/x", "X-HTTP-Method-Override: GET"));
		cases.add(get("well-formed unknown token", "/api/secure/x", 401,
				"Authorization: Bearer " + new dev.tokenkit.core.opaque.OpaqueTokenCodec(new java.security.SecureRandom())
					.generate()));
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void requestWhenHostileThenDocumented4xxAndNothingIssued(Case hostile) {
		int writesBefore = server.store.writes();
		int handlerCallsBefore = server.secureHandlerCalls.get();
		RawHttp.Response response = send(hostile);
		assertThat(response.status()).as("%s: %s", hostile, response).isEqualTo(hostile.status()).isLessThan(500);
		TokenAnswers.assertSafe(response);
		assertThat(server.store.writes()).as("store writes after %s", hostile).isEqualTo(writesBefore);
		assertThat(server.secureHandlerCalls.get()).isEqualTo(handlerCallsBefore);
		if (response.status() == 401) {
			assertThat(response.header("WWW-Authenticate")).isNotBlank();
		}
		if (!hostile.containerMayAnswer() || response.body().contains("\"error\"")) {
			TokenAnswers.error(response, hostile.status(), expectedErrorFormat(hostile));
		}
	}

	@Test
	void casesWhenCountedThenAtLeastSixtyAndNoCanaryConnection() {
		assertThat(cases().count()).isGreaterThanOrEqualTo(60);
		cases().forEach(HostileInputTests::send);
		assertThat(canaryConnections).hasValue(0);
	}

	/** JSON; JSONP for a valid callback; XML for GlobalGiving requests without a JSON body. */
	private static String expectedErrorFormat(Case hostile) {
		if (hostile.requestLine().contains("callback=steal")) {
			return "application/javascript";
		}
		boolean globalGiving = hostile.requestLine().contains("/api/userservice/tokens");
		boolean jsonBody = hostile.headers().contains("Content-Type: application/json");
		return (globalGiving && !jsonBody) ? "application/xml" : "application/json";
	}

	private static RawHttp.Response send(Case hostile) {
		return server.http().send(hostile.requestLine(), hostile.headers(), hostile.body());
	}

	private static Case get(String name, String target, int status, String... headers) {
		return new Case(name, "GET " + target + " HTTP/1.1", List.of(headers), new byte[0], status, false);
	}

	private static Case send(String name, String requestStart, int status, String body, String... headers) {
		return new Case(name, requestStart + " HTTP/1.1", List.of(headers), body.getBytes(StandardCharsets.UTF_8), status,
				false);
	}

	private static Case post(String name, String target, String body, int status, String... headers) {
		return send(name, "POST " + target, status, body, headers);
	}

	private static Case json(String name, String body, int status) {
		return post(name, "/authentication_credentials", body, status, "Content-Type: application/json");
	}

	private static Case xml(String name, String body) {
		return post(name, "/authentication_credentials", body, 400, "Content-Type: application/xml");
	}

	private static Case ggJson(String name, String body) {
		return ggJson(name, body, 400);
	}

	private static Case ggJson(String name, String body, int status) {
		return post(name, "/api/userservice/tokens", body, status, "Content-Type: application/json");
	}

	/** A header sent as ISO-8859-1 bytes: the container may refuse the control character itself. */
	private static Case rawHeader(String name, String header, int status) {
		return new Case(name, "GET /authentication_token HTTP/1.1", List.of(header), new byte[0], status, true);
	}

	/** A header sent as UTF-8 bytes. */
	private static Case utf8Header(String name, String header, int status) {
		String asLatin1 = new String(header.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
		return new Case(name, "GET /authentication_token HTTP/1.1", List.of(asLatin1), new byte[0], status, true);
	}

	private static Case rawBytesHeader(String name, byte[] password, int status) {
		String header = "Authorization: user me:" + new String(password, StandardCharsets.ISO_8859_1);
		return new Case(name, "GET /authentication_token HTTP/1.1", List.of(header), new byte[0], status, true);
	}

	private static byte[] concat(String before, byte[] middle, String after) {
		byte[] start = before.getBytes(StandardCharsets.UTF_8);
		byte[] end = after.getBytes(StandardCharsets.UTF_8);
		byte[] all = Arrays.copyOf(start, start.length + middle.length + end.length);
		System.arraycopy(middle, 0, all, start.length, middle.length);
		System.arraycopy(end, 0, all, start.length + middle.length, end.length);
		return all;
	}

	private static String billionLaughs() {
		StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + ((i == 1) ? "" : i - 1) + ";").repeat(10))
				.append("\">");
		}
		return dtd.append("]><Credentials><Username>&lol9;</Username><Password>x</Password></Credentials>").toString();
	}

}
