package dev.tokenkit.servlet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tokenkit.core.account.AccountApiKeyVerifier;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TestServer;
import dev.tokenkit.servlet.testing.TokenAnswers;
import dev.tokenkit.servlet.testing.TokenKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The full round trip over real HTTP: issue, call /secure/ with every carrier, expire, log out. */
@ParameterizedClass
@EnumSource(TokenKind.class)
class TokenAuthenticationFilterTests {

	private final TokenKind kind;

	private TestServer server;

	private RawHttp http;

	TokenAuthenticationFilterTests(TokenKind kind) {
		this.kind = kind;
		this.server = new TestServer(kind).start();
		this.http = this.server.http();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private String issue() {
		return TokenAnswers.token(this.http.get("/authentication_token", "Authorization: user me:my_password"),
				TokenAnswers.DSI_JSON, "application/json");
	}

	@Test
	void secureCallWhenTokenInEachCarrierThenHandlerSeesUser() {
		String token = issue();
		List<RawHttp.Response> responses = List.of(this.http.get("/api/secure/x", "Authorization: Bearer " + token),
				this.http.get("/api/secure/x", "Authorization: bearer   " + token),
				this.http.get("/api/secure/x", "Authorization: token " + token),
				this.http.get("/api/secure/x?api_token=" + token), this.http.get("/secure/whoami?access_token=" + token),
				this.http.post("/api/secure/x?access_token=" + token, "a=b",
						"Content-Type: application/x-www-form-urlencoded"));
		for (RawHttp.Response response : responses) {
			assertThat(response.status()).as("%s", response).isEqualTo(200);
			assertThat(response.body()).isEqualTo("user=me principal=me authType=Bearer inRoleUser=true "
					+ "inRoleDonor=false attribute=true");
			assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		}
		assertThat(this.server.secureHandlerCalls).hasValue(responses.size());
	}

	@Test
	void secureCallWhenNoTokenThen401WithBearerChallengeWithoutErrorCode() {
		RawHttp.Response response = this.http.get("/api/secure/x");
		TokenAnswers.jsonError(response, 401, "missing_token");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tokenkit\"");
		assertThat(this.server.secureHandlerCalls).hasValue(0);
	}

	/** RFC 6750 section 3: every malformed token request is {@code 400 invalid_request} with its Bearer challenge. */
	@Test
	void secureCallWhenTokenRequestMalformedThen400WithInvalidRequestChallenge() {
		String token = issue();
		List<RawHttp.Response> responses = List.of(
				this.http.get("/secure/whoami?access_token=" + token + "&access_token=" + token),
				this.http.get("/secure/whoami", "Authorization: Bearer " + token, "Authorization: Bearer " + token),
				this.http.get("/secure/whoami?access_token=%E9"), this.http.get("/secure/whoami?x=%G1"),
				this.http.get("/secure/whoami?api_token="));
		for (RawHttp.Response response : responses) {
			TokenAnswers.jsonError(response, 400, "invalid_request");
			assertThat(response.header("WWW-Authenticate")).as("%s", response)
				.isEqualTo("Bearer realm=\"tokenkit\", error=\"invalid_request\"");
			assertThat(response.body()).doesNotContain(token);
		}
		assertThat(this.server.secureHandlerCalls).hasValue(0);
	}

	@Test
	void secureCallWhenIdleLongerThanPolicyThen401InvalidToken() {
		String token = issue();
		if (!this.kind.slides()) {
			this.server.clock.advance(Duration.ofMinutes(30).plusSeconds(29));
			assertThat(this.http.get("/api/secure/x", "Authorization: Bearer " + token).status()).isEqualTo(200);
			this.server.clock.advance(Duration.ofSeconds(2));
			TokenAnswers.jsonError(this.http.get("/api/secure/x", "Authorization: Bearer " + token), 401, "invalid_token");
			return;
		}
		this.server.clock.advance(Duration.ofMinutes(29));
		assertThat(this.http.get("/api/secure/x", "Authorization: Bearer " + token).status()).isEqualTo(200);
		this.server.clock.advance(Duration.ofMinutes(29));
		assertThat(this.http.get("/api/secure/x", "Authorization: Bearer " + token).status()).isEqualTo(200);
		this.server.clock.advance(Duration.ofMinutes(30).plusSeconds(1));
		RawHttp.Response expired = this.http.get("/api/secure/x", "Authorization: Bearer " + token);
		TokenAnswers.jsonError(expired, 401, "invalid_token");
		assertThat(expired.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tokenkit\", error=\"invalid_token\", "
				+ "error_description=\"The access token is invalid or has expired\"");
	}

	@Test
	void secureCallWhenLoggedOutThen401() {
		String token = issue();
		assertThat(this.http.delete("/authentication_token", "Authorization: Bearer " + token).status()).isEqualTo(204);
		TokenAnswers.jsonError(this.http.get("/api/secure/x", "Authorization: Bearer " + token), 401, "invalid_token");
		assertThat(this.http.delete("/authentication_token", "Authorization: Bearer " + token).status()).isEqualTo(204);
	}

	@Test
	void secureCallWhenErrorThenInAcceptedFormat() {
		RawHttp.Response response = this.http.get("/api/secure/x", "Accept: application/xml");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><error><status>401</status>"
				+ "<code>missing_token</code><message>An access token is required</message></error>");
	}

	@Test
	void publicCallWhenNoTokenThenPassesWithNoTokenWork() {
		RawHttp.Response response = this.http.get("/public/x", "Authorization: Bearer garbage");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).startsWith("user=null");
		assertThat(this.server.store.calls()).isZero();
	}

	@Test
	void secureCallWhenApiKeyRequiredThenOnlyTheTokensOwnKeyPasses() {
		this.server.close();
		this.server = new TestServer(this.kind)
			.start((s) -> s.filter.setApiKeyVerifier(new AccountApiKeyVerifier(s.accounts)));
		this.http = this.server.http();
		String token = issue();
		assertThat(this.http.get("/api/secure/x?api_key=ME_API_KEY&api_token=" + token).status()).isEqualTo(200);
		for (String notItsKey : List.of("YOUR_API_KEY", "UNKNOWN_KEY")) {
			RawHttp.Response refused = this.http.get("/api/secure/x?api_key=" + notItsKey + "&api_token=" + token);
			TokenAnswers.jsonError(refused, 403, "invalid_api_key");
			assertThat(refused.body()).contains("The api_key does not belong to the access token's account")
				.doesNotContain(notItsKey);
		}
		TokenAnswers.jsonError(this.http.get("/api/secure/x?api_token=" + token), 400, "invalid_request");
		TokenAnswers.jsonError(this.http.get("/api/secure/x?api_key=ME_API_KEY&api_key=ME_API_KEY&api_token=" + token),
				400, "invalid_request");
		assertThat(this.server.secureHandlerCalls).hasValue(1);
	}

	/** Requests refused for their api key (wrong, another account's, missing) are not uses: the token does not slide. */
	@Test
	void secureCallWhenRefusedForItsApiKeyThenTheTokenDoesNotSlide() {
		this.server.close();
		this.server = new TestServer(this.kind)
			.start((s) -> s.filter.setApiKeyVerifier(new AccountApiKeyVerifier(s.accounts)));
		this.http = this.server.http();
		String token = issue();
		List<Integer> refusals = new ArrayList<>();
		for (String refused : List.of("api_key=WRONG&", "api_key=YOUR_API_KEY&", "")) {
			this.server.clock.advance(Duration.ofMinutes(9));
			refusals.add(this.http.get("/api/secure/x?" + refused + "api_token=" + token).status());
		}
		assertThat(refusals).containsExactly(403, 403, 400);
		this.server.clock.advance(Duration.ofMinutes(4));
		int afterRefusals = this.http.get("/api/secure/x?api_key=ME_API_KEY&api_token=" + token).status();
		assertThat(afterRefusals).as("31 minutes after its one use, refusals between").isEqualTo(401);
	}

	@Test
	void secureCallWhenStoreUnreachableThen503WithRetryAfterAndIssuingToo() {
		this.server.close();
		this.server = TestServer.withStore(TestServer.unreachableStore()).start();
		this.http = this.server.http();
		String wellFormed = new dev.tokenkit.core.opaque.OpaqueTokenCodec(new java.security.SecureRandom()).generate();
		RawHttp.Response secure = this.http.get("/api/secure/x", "Authorization: Bearer " + wellFormed);
		TokenAnswers.jsonError(secure, 503, "temporarily_unavailable");
		assertThat(secure.header("Retry-After")).isEqualTo("1");
		RawHttp.Response issuing = this.http.get("/authentication_token", "Authorization: user me:my_password");
		TokenAnswers.jsonError(issuing, 503, "temporarily_unavailable");
		assertThat(this.server.secureHandlerCalls).hasValue(0);
	}

	@Test
	void secureCallWhenDeployedUnderContextPathThenGuarded() {
		this.server.close();
		this.server = TestServer.atContextPath("/ctx").start();
		this.http = this.server.http();
		assertThat(this.http.get("/ctx/api/secure/x").status()).isEqualTo(401);
		assertThat(this.http.get("/ctx/public/secure").status()).isEqualTo(401);
		String token = TokenAnswers.token(this.http.get("/ctx/authentication_token", "Authorization: user me:my_password"),
				TokenAnswers.DSI_JSON, "application/json");
		assertThat(this.http.get("/ctx/api/secure/x", "Authorization: Bearer " + token).status()).isEqualTo(200);
	}

}
