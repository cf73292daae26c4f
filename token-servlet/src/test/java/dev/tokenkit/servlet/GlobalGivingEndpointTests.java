package dev.tokenkit.servlet;

import java.util.List;

import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TestServer;
import dev.tokenkit.servlet.testing.TokenAnswers;
import dev.tokenkit.servlet.testing.TokenKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The GlobalGiving dialect over real HTTP, starting with both cURL examples of the GlobalGiving document as printed. */
@ParameterizedClass
@EnumSource(TokenKind.class)
class GlobalGivingEndpointTests {

	private final TokenKind kind;

	/** The XML request body of the seed document, byte for byte (the shell turns its line breaks into newlines). */
	static final String SEED_XML = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<auth_request>\n<user>\n"
			+ "<email>John_Doe@hotmail.com</email>\n<password>somepassword</password>\n</user>\n"
			+ "<api_key>YOUR_API_KEY</api_key>\n</auth_request>";

	/** The JSON request body of the seed document, single quotes and all. */
	static final String SEED_JSON = "{'auth_request':{'user':{'email':'John_Doe@hotmail.com','password':'somepassword'},"
			+ " 'api_key':'YOUR_API_KEY'}}";

	private TestServer server;

	private RawHttp http;

	GlobalGivingEndpointTests(TokenKind kind) {
		this.kind = kind;
		this.server = new TestServer(kind).start();
		this.http = this.server.http();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void postWhenSeedXmlExampleThenXmlAuthResponse() {
		RawHttp.Response response = this.http.post("/api/userservice/tokens", SEED_XML, "Accept: application/xml",
				"Content-Type: application/xml");
		String token = TokenAnswers.token(response, TokenAnswers.GG_XML, "application/xml");
		assertThat(this.server.tokenService.authenticate(token).accountId()).isEqualTo("acct-john");
	}

	@Test
	void postWhenSeedJsonExampleWithSingleQuotesThenXmlAuthResponseAsAccepted() {
		RawHttp.Response response = this.http.post("/api/userservice/tokens", SEED_JSON, "Accept: application/xml",
				"Content-Type: application/json");
		TokenAnswers.token(response, TokenAnswers.GG_XML, "application/xml");
	}

	@Test
	void postWhenNoAcceptThenAnswerInBodyFormat() {
		TokenAnswers.token(this.http.post("/api/userservice/tokens", SEED_JSON, "Content-Type: application/json"),
				TokenAnswers.GG_JSON, "application/json");
		TokenAnswers.token(this.http.post("/api/userservice/tokens", SEED_XML, "Content-Type: application/xml",
				"Accept: */*"), TokenAnswers.GG_XML, "application/xml");
	}

	/** A charset the JVM does not know made the container's getContentType() throw: a 500 with a stack trace. */
	@Test
	void postWhenCharsetUnknownThen400InTheDeclaredFormatAndNoToken() {
		TokenAnswers.error(this.http.post("/api/userservice/tokens", SEED_JSON,
				"Content-Type: application/json; charset=ebcdic"), 400, "application/json");
		TokenAnswers.error(this.http.post("/api/userservice/tokens", SEED_XML,
				"Content-Type: application/xml; charset=x-unknown"), 400, "application/xml");
		TokenAnswers.error(this.http.post("/authentication_credentials", "username=me&password=my_password",
				"Content-Type: application/json; charset=ebcdic"), 400, "application/json");
	}

	@Test
	void postWhenNoContentTypeThenFormatSniffed() {
		TokenAnswers.token(this.http.post("/api/userservice/tokens", "  " + SEED_JSON), TokenAnswers.GG_JSON,
				"application/json");
		TokenAnswers.token(this.http.post("/api/userservice/tokens", SEED_XML), TokenAnswers.GG_XML, "application/xml");
	}

	@Test
	void postWhenAcceptJsonThenJsonAuthResponse() {
		TokenAnswers.token(this.http.post("/api/userservice/tokens", SEED_XML, "Content-Type: text/xml",
				"Accept: application/json"), TokenAnswers.GG_JSON, "application/json");
	}

	@Test
	void getWhenSeedBodyThenToken() {
		RawHttp.Response response = this.http.send("GET /api/userservice/tokens HTTP/1.1",
				List.of("Content-Type: application/xml", "Accept: application/xml"), SEED_XML);
		TokenAnswers.token(response, TokenAnswers.GG_XML, "application/xml");
	}

	@Test
	void getWhenQueryParametersThenToken() {
		TokenAnswers.token(this.http.get("/api/userservice/tokens?email=John_Doe%40hotmail.com&password=somepassword"
				+ "&api_key=YOUR_API_KEY", "Accept: application/json"), TokenAnswers.GG_JSON, "application/json");
	}

	@Test
	void postWhenPasswordInCdataThenExactPassword() {
		this.server.accounts.save(new dev.tokenkit.core.account.StoredAccount(
				new dev.tokenkit.core.account.Account("acct-odd", "odd", "odd@example.test", java.util.Set.of(), true, null),
				dev.tokenkit.core.testing.TestAccounts.bcrypt("p<&>ss]]>Word-1"),
				dev.tokenkit.core.account.ApiKeys.hash("ODD_KEY")));
		String body = "<auth_request><user><email>odd@example.test</email>"
				+ "<password><![CDATA[p<&>ss]]]]><![CDATA[>Word-1]]></password></user><api_key>ODD_KEY</api_key></auth_request>";
		TokenAnswers.token(this.http.post("/api/userservice/tokens", body, "Content-Type: application/xml"),
				TokenAnswers.GG_XML, "application/xml");
	}

	@Test
	void postWhenEmailInOtherCaseThenToken() {
		TokenAnswers.token(this.http.post("/api/userservice/tokens", SEED_JSON.replace("John_Doe@hotmail.com",
				"JOHN_DOE@HOTMAIL.COM"), "Content-Type: application/json"), TokenAnswers.GG_JSON, "application/json");
	}

	@Test
	void postWhenWrongEmailPasswordApiKeyOrUnknownUserThenByteIdenticalBodies() {
		List<String> bodies = List.of(SEED_JSON.replace("John_Doe@", "Jane_Doe@"),
				SEED_JSON.replace("'somepassword'", "'wrongpassword'"), SEED_JSON.replace("YOUR_API_KEY", "OTHER_KEY"),
				SEED_JSON.replace("John_Doe@hotmail.com", "nobody@example.test"),
				SEED_JSON.replace("YOUR_API_KEY", "ME_API_KEY"));
		for (String body : bodies) {
			RawHttp.Response response = this.http.post("/api/userservice/tokens", body, "Content-Type: application/json");
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.body()).isEqualTo(TokenAnswers.INVALID_CREDENTIALS_JSON);
			assertThat(response.header("WWW-Authenticate")).isEqualTo("auth_request realm=\"tokenkit\"");
			TokenAnswers.assertNoStore(response);
		}
		assertThat(this.server.store.writes()).isZero();
	}

	@Test
	void deleteWhenTokenInAnyCarrierThenRevoked() {
		for (String carrier : List.of("header", "api_token", "access_token")) {
			String token = TokenAnswers.token(this.http.post("/api/userservice/tokens", SEED_JSON,
					"Content-Type: application/json"), TokenAnswers.GG_JSON, "application/json");
			RawHttp.Response logout = switch (carrier) {
				case "header" -> this.http.delete("/api/userservice/tokens", "Authorization: Bearer " + token);
				default -> this.http.delete("/api/userservice/tokens?" + carrier + "=" + token);
			};
			assertThat(logout.status()).isEqualTo(204);
			assertThat(logout.header("Cache-Control")).isEqualTo("no-store");
			assertThat(this.http.get("/api/secure/x?api_token=" + token).status()).isEqualTo(401);
		}
	}

	@Test
	void deleteWhenNoTokenThen401BearerChallenge() {
		RawHttp.Response response = this.http.delete("/api/userservice/tokens", "Accept: application/xml");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tokenkit\"");
		assertThat(response.body()).contains("<code>missing_token</code>");
	}

}
