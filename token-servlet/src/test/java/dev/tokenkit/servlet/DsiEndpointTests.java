package dev.tokenkit.servlet;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TestServer;
import dev.tokenkit.servlet.testing.TokenAnswers;
import dev.tokenkit.servlet.testing.TokenKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The DSI dialect over real HTTP, starting with every request example of the DSI document, sent as printed. */
@ParameterizedClass
@EnumSource(TokenKind.class)
class DsiEndpointTests {

	private final TokenKind kind;

	private TestServer server;

	private RawHttp http;

	DsiEndpointTests(TokenKind kind) {
		this.kind = kind;
		this.server = new TestServer(kind).start();
		this.http = this.server.http();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void getWhenSeedExampleWithoutSuffixThenJsonString() {
		RawHttp.Response response = this.http.get("/authentication_token?username=me&password=my_password");
		String token = TokenAnswers.token(response, TokenAnswers.DSI_JSON, "application/json");
		assertThat(this.server.tokenService.authenticate(token).username()).isEqualTo("me");
	}

	@Test
	void getWhenSeedExampleWithJsonSuffixThenJsonString() {
		TokenAnswers.token(this.http.get("/authentication_token.json?username=me&password=my_password"),
				TokenAnswers.DSI_JSON, "application/json");
	}

	@Test
	void getWhenSeedExampleWithXmlSuffixThenXmlString() {
		TokenAnswers.token(this.http.get("/authentication_token.xml?username=me&password=my_password"),
				TokenAnswers.DSI_XML, "application/xml");
	}

	@Test
	void getWhenSeedExampleWithCsvSuffixThenBareToken() {
		RawHttp.Response response = this.http.get("/authentication_token.csv?username=me&password=my_password");
		TokenAnswers.token(response, TokenAnswers.DSI_CSV, "text/csv");
		assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"token.csv\"");
	}

	@Test
	void getWhenUserAuthorizationHeaderThenToken() {
		TokenAnswers.token(this.http.get("/authentication_token", "Authorization: user me:my_password"),
				TokenAnswers.DSI_JSON, "application/json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "USER", "User", "uSeR" })
	void getWhenSchemeInAnyCaseThenToken(String scheme) {
		TokenAnswers.token(this.http.get("/authentication_token", "Authorization: " + scheme + " me:my_password"),
				TokenAnswers.DSI_JSON, "application/json");
	}

	@Test
	void getWhenBasicAuthorizationHeaderThenToken() {
		String basic = Base64.getEncoder().encodeToString("me:my_password".getBytes());
		TokenAnswers.token(this.http.get("/authentication_token.xml", "Authorization: Basic " + basic),
				TokenAnswers.DSI_XML, "application/xml");
	}

	@Test
	void getWhenPasswordHasColonsThenSplitAtFirstColon() {
		TokenAnswers.token(this.http.get("/authentication_token", "Authorization: user bob:bob:has:colons"),
				TokenAnswers.DSI_JSON, "application/json");
	}

	@Test
	void getWhenPasswordIsUtf8InHeaderAndQueryThenSameAccountBothWays() {
		this.server.accounts.save(new dev.tokenkit.core.account.StoredAccount(
				new dev.tokenkit.core.account.Account("acct-umlaut", "umlaut", null, java.util.Set.of(), true, null),
				dev.tokenkit.core.testing.TestAccounts.bcrypt("pässwörd-Ünï-42"), null));
		byte[] request = ("GET /authentication_token HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
				+ "Authorization: user umlaut:pässwörd-Ünï-42\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		TokenAnswers.token(this.http.exchange(request), TokenAnswers.DSI_JSON, "application/json");
		TokenAnswers.token(this.http.get("/authentication_token?username=umlaut&password=p%C3%A4ssw%C3%B6rd-%C3%9Cn%C3%AF-42"),
				TokenAnswers.DSI_JSON, "application/json");
	}

	@ParameterizedTest
	@CsvSource({ "application/json, application/json, DSI_JSON", "application/xml, application/xml, DSI_XML",
			"text/xml, application/xml, DSI_XML", "text/csv, text/csv, DSI_CSV",
			"'text/csv;q=0.5, application/xml', application/xml, DSI_XML", "*/*, application/json, DSI_JSON",
			"'text/html, */*;q=0.1', application/json, DSI_JSON" })
	void getWhenAcceptHeaderThenNegotiatedFormat(String accept, String contentType, String shape) throws Exception {
		RawHttp.Response response = this.http.get("/authentication_token?username=me&password=my_password",
				"Accept: " + accept);
		TokenAnswers.token(response, (java.util.regex.Pattern) TokenAnswers.class.getField(shape).get(null), contentType);
	}

	@Test
	void getWhenSpecificRangeRefusesJsonThenWildcardGivesNextFormat() {
		TokenAnswers.token(this.http.get("/authentication_token?username=me&password=my_password",
				"Accept: application/json;q=0, */*"), TokenAnswers.DSI_XML, "application/xml");
	}

	@Test
	void getWhenUnknownUserWrongPasswordOrDisabledAccountThenIdenticalAnswers() {
		List<String> credentials = List.of("nobody:my_password", "me:wrong", "dave:dave-password", "dave:wrong");
		List<RawHttp.Response> responses = credentials.stream()
			.map((pair) -> this.http.get("/authentication_token", "Authorization: user " + pair))
			.toList();
		for (RawHttp.Response response : responses) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.body()).isEqualTo(responses.get(0).body());
			assertThat(withoutDate(response)).isEqualTo(withoutDate(responses.get(0)));
		}
	}

	private static List<String> withoutDate(RawHttp.Response response) {
		return response.headers().stream().filter((h) -> !h[0].equalsIgnoreCase("Date")).map((h) -> h[0] + ":" + h[1])
			.toList();
	}

	@Test
	void getWhenSuffixAndAcceptDisagreeThenSuffixWins() {
		TokenAnswers.token(this.http.get("/authentication_token.csv?username=me&password=my_password",
				"Accept: application/xml"), TokenAnswers.DSI_CSV, "text/csv");
	}

	@Test
	void getWhenNothingAcceptableThen406() {
		TokenAnswers.jsonError(this.http.get("/authentication_token?username=me&password=my_password",
				"Accept: text/html"), 406, "not_acceptable");
		assertThat(this.server.store.writes()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "cb", "jQuery1124_15.success", "$.x_1" })
	void getWhenValidCallbackThenJsonp(String callback) {
		RawHttp.Response response = this.http
			.get("/authentication_token?username=me&password=my_password&callback=" + callback);
		TokenAnswers.token(response, TokenAnswers.jsonp(callback), "application/javascript");
		assertThat(response.body()).startsWith("/**/");
	}

	@Test
	void getWhenCallbackWithXmlSuffixThenCallbackIgnored() {
		TokenAnswers.token(this.http.get("/authentication_token.xml?username=me&password=my_password&callback=cb"),
				TokenAnswers.DSI_XML, "application/xml");
	}

	@Test
	void getWhenCallbackAndWrongPasswordThenJsonpError() {
		RawHttp.Response response = this.http.get("/authentication_token?username=me&password=wrong&callback=cb");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("/**/cb(" + TokenAnswers.INVALID_CREDENTIALS_JSON + ");");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("user realm=\"tokenkit\"");
		TokenAnswers.assertNoStore(response);
	}

	@Test
	void getWhenJsonpSwitchedOffThenCallbackIgnored() {
		this.server.close();
		this.server = new TestServer(this.kind).start((s) -> s.servlet.dsi().setJsonpEnabled(false));
		TokenAnswers.token(this.server.http().get("/authentication_token?username=me&password=my_password&callback=cb"),
				TokenAnswers.DSI_JSON, "application/json");
	}

	@Test
	void getWhenQueryCredentialsSwitchedOffThen400SayingWhatToUse() {
		this.server.close();
		this.server = new TestServer(this.kind).start((s) -> s.servlet.dsi().setQueryCredentialsEnabled(false));
		RawHttp.Response response = this.server.http().get("/authentication_token?username=me&password=my_password");
		TokenAnswers.jsonError(response, 400, "invalid_request");
		assertThat(response.body()).contains("Authorization header").contains("POST /authentication_credentials");
		TokenAnswers.token(this.server.http().get("/authentication_token", "Authorization: user me:my_password"),
				TokenAnswers.DSI_JSON, "application/json");
	}

	@Test
	void getWhenWrongPasswordThen401WithChallengeInNegotiatedFormat() {
		RawHttp.Response json = this.http.get("/authentication_token?username=me&password=wrong");
		assertThat(json.status()).isEqualTo(401);
		assertThat(json.body()).isEqualTo(TokenAnswers.INVALID_CREDENTIALS_JSON);
		assertThat(json.header("WWW-Authenticate")).isEqualTo("user realm=\"tokenkit\"");
		RawHttp.Response xml = this.http.get("/authentication_token.xml?username=me&password=wrong");
		assertThat(xml.body()).isEqualTo(TokenAnswers.INVALID_CREDENTIALS_XML);
		RawHttp.Response csv = this.http.get("/authentication_token.csv?username=me&password=wrong");
		assertThat(csv.body()).isEqualTo("401,invalid_credentials,Invalid credentials");
		assertThat(this.server.store.writes()).isZero();
	}

	@Test
	void postCredentialsWhenJsonBodyThenToken() {
		RawHttp.Response response = this.http.post("/authentication_credentials",
				"{\"Username\": \"me\", \"Password\": \"my_password\"}", "Content-Type: application/json");
		TokenAnswers.token(response, TokenAnswers.DSI_JSON, "application/json");
	}

	@Test
	void postCredentialsWhenXmlBodyWithNamespacesThenTokenInSuffixFormat() {
		String body = "<Credentials xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
				+ "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><Username>me</Username>"
				+ "<Password>my_password</Password></Credentials>";
		TokenAnswers.token(this.http.post("/authentication_credentials.xml", body, "Content-Type: application/xml"),
				TokenAnswers.DSI_XML, "application/xml");
	}

	@Test
	void postCredentialsWhenHeaderAndNoBodyThenToken() {
		TokenAnswers.token(this.http.post("/authentication_credentials.csv", "", "Authorization: user me:my_password"),
				TokenAnswers.DSI_CSV, "text/csv");
	}

	@Test
	void methodWhenNotAllowedThen405WithAllowAndNoToken() {
		RawHttp.Response post = this.http.post("/authentication_token?username=me&password=my_password", "");
		TokenAnswers.jsonError(post, 405, "method_not_allowed");
		assertThat(post.header("Allow")).isEqualTo("GET, DELETE");
		RawHttp.Response get = this.http.get("/authentication_credentials", "Authorization: user me:my_password");
		assertThat(get.header("Allow")).isEqualTo("POST, DELETE");
		RawHttp.Response head = this.http.send("HEAD /authentication_token?username=me&password=my_password HTTP/1.1",
				java.util.List.of(), new byte[0]);
		assertThat(head.status()).isEqualTo(405);
		assertThat(this.server.store.writes()).isZero();
	}

	@Test
	void getWhenAccountHasOwnPolicyThenItOverridesThirtyMinutes() {
		String shortToken = TokenAnswers.token(
				this.http.get("/authentication_token?username=short&password=short-password"), TokenAnswers.DSI_JSON,
				"application/json");
		String meToken = TokenAnswers.token(this.http.get("/authentication_token?username=me&password=my_password"),
				TokenAnswers.DSI_JSON, "application/json");
		this.server.clock.advance(Duration.ofMinutes(3));
		assertThat(this.http.get("/secure/x", "Authorization: Bearer " + shortToken).status()).isEqualTo(401);
		assertThat(this.http.get("/secure/x", "Authorization: Bearer " + meToken).status()).isEqualTo(200);
	}

	@Test
	void getWhenTokenIssuedThenNoCookieAndNoReferrer() {
		RawHttp.Response response = this.http.get("/authentication_token?username=me&password=my_password");
		assertThat(response.headerValues("Set-Cookie")).isEmpty();
		assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
	}

}
