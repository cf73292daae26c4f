package dev.tokenkit.servlet;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.InMemoryAccountRepository;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.testing.TestAccounts;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TestServer;
import dev.tokenkit.servlet.testing.TokenAnswers;
import dev.tokenkit.servlet.testing.TokenKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token introspection (RFC 7662) over real HTTP on Jetty, for opaque tokens and JWTs: what an authenticated client
 * learns, what an unauthenticated one does not, and hostile requests.
 */
class IntrospectionEndpointTests {

	private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Every client: "rs" sees every token, "donations" only the tokens of ROLE_DONOR accounts. */
	private static final PasswordAuthenticator CLIENTS = clients();

	private TestServer server;

	private IntrospectionEndpoint endpoint;

	private RawHttp http;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	private static PasswordAuthenticator clients() {
		InMemoryAccountRepository clients = new InMemoryAccountRepository();
		clients.save(new StoredAccount(new Account("rs", "rs", null, Set.of(), true, null),
				TestAccounts.bcrypt("rs-secret"), null));
		clients.save(new StoredAccount(new Account("donations", "donations", null, Set.of("ROLE_DONOR"), true, null),
				TestAccounts.bcrypt("donations-secret"), null));
		return new PasswordAuthenticator(clients);
	}

	private void start(TestServer server) {
		this.server = server;
		this.endpoint = new IntrospectionEndpoint(server.tokenService, CLIENTS);
		server.serve(this.endpoint).start();
		this.http = server.http();
	}

	private String login(String user, String password) {
		return TokenAnswers.token(this.http.get("/authentication_token?username=" + user + "&password=" + password),
				TokenAnswers.DSI_JSON, "application/json");
	}

	private static String basic(String id, String secret) {
		return "Authorization: Basic "
				+ Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private RawHttp.Response introspect(String body, String... headers) {
		return this.http.post("/oauth2/introspect", body, headers);
	}

	@SuppressWarnings("unchecked") // a JSON object is a map of names
	private Map<String, Object> active(String client, String secret, String token) {
		RawHttp.Response response = introspect("token=" + token + "&token_type_hint=access_token", FORM,
				basic(client, secret));
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(response.header("Content-Type")).isEqualToIgnoringCase("application/json;charset=UTF-8");
		return JSON.readValue(response.body(), Map.class);
	}

	@ParameterizedTest
	@EnumSource(TokenKind.class)
	void introspectWhenLiveTokenThenActiveWithItsAccountAndLifetime(TokenKind kind) {
		start(new TestServer(kind));
		long now = this.server.clock.instant().getEpochSecond();
		String token = login("john", "somepassword");
		Map<String, Object> answer = active("rs", "rs-secret", token);
		assertThat(answer).containsEntry("active", true)
			.containsEntry("sub", "acct-john")
			.containsEntry("username", "john")
			.containsEntry("scope", "ROLE_DONOR ROLE_USER")
			.containsEntry("authorities", List.of("ROLE_DONOR", "ROLE_USER"))
			.containsEntry("token_type", "Bearer");
		assertThat(((Number) answer.get("iat")).longValue()).isBetween(now - 1, now + 1);
		assertThat(((Number) answer.get("exp")).longValue() - ((Number) answer.get("iat")).longValue())
			.isBetween(Duration.ofMinutes(30).toSeconds() - 1, Duration.ofMinutes(30).toSeconds() + 1);
	}

	@ParameterizedTest
	@EnumSource(TokenKind.class)
	void introspectWhenUnknownMalformedRevokedExpiredOrOversizedThenOnlyInactive(TokenKind kind) {
		start(new TestServer(kind));
		String revoked = login("me", "my_password");
		assertThat(this.http.delete("/authentication_token", "Authorization: Bearer " + revoked).status())
			.isEqualTo(204);
		String expiring = login("short", "short-password");
		this.server.clock.advance(Duration.ofMinutes(3));
		String unknown = login("me", "my_password");
		unknown = unknown.substring(0, unknown.length() - 2) + (unknown.endsWith("AA") ? "BB" : "AA");
		for (String token : List.of(revoked, expiring, unknown, "tk_nope", "x".repeat(9000))) {
			assertThat(active("rs", "rs-secret", token)).as(token).isEqualTo(Map.of("active", false));
		}
	}

	/** An introspection is no use of the token: an opaque token's idle expiry stays where its last use left it. */
	@Test
	void introspectWhenRepeatedThenTheTokenDoesNotSlide() {
		start(new TestServer(TokenKind.OPAQUE));
		String token = login("short", "short-password");
		for (int i = 0; i < 3; i++) {
			this.server.clock.advance(Duration.ofSeconds(30));
			assertThat(active("rs", "rs-secret", token)).containsEntry("active", true);
		}
		this.server.clock.advance(Duration.ofSeconds(31));
		assertThat(active("rs", "rs-secret", token)).isEqualTo(Map.of("active", false));
		assertThat(this.server.store.touches()).isZero();
	}

	@Test
	void introspectWhenCountedAsUseThenTheTokenSlides() {
		start(new TestServer(TokenKind.OPAQUE));
		this.endpoint.setCountsAsUse(true);
		String token = login("short", "short-password");
		for (int i = 0; i < 4; i++) {
			this.server.clock.advance(Duration.ofSeconds(70));
			Map<String, Object> answer = active("rs", "rs-secret", token);
			assertThat(answer).containsEntry("active", true);
			assertThat(((Number) answer.get("exp")).longValue()).isGreaterThan(
					this.server.clock.instant().plus(Duration.ofSeconds(100)).getEpochSecond());
		}
	}

	/** A client limited to ROLE_DONOR's tokens sees another account's live token as inactive, as if unknown. */
	@ParameterizedTest
	@EnumSource(TokenKind.class)
	void introspectWhenTokenOfAnotherClientsUsersThenInactive(TokenKind kind) {
		start(new TestServer(kind));
		String me = login("me", "my_password");
		String john = login("john", "somepassword");
		assertThat(active("donations", "donations-secret", me)).isEqualTo(Map.of("active", false));
		assertThat(active("donations", "donations-secret", john)).containsEntry("username", "john");
		assertThat(active("rs", "rs-secret", me)).containsEntry("username", "me");
	}

	/**
	 * Without valid client credentials the answer is the same 401 whatever the token (live, unknown, missing, or
	 * far too long), so an unauthenticated caller learns nothing about tokens; the body is not even read.
	 */
	@Test
	void introspectWhenClientNotAuthenticatedThenSame401ForEveryToken() {
		start(new TestServer());
		String live = login("me", "my_password");
		List<List<String>> credentials = List.of(List.of(), List.of(basic("rs", "wrong")),
				List.of(basic("nobody", "rs-secret")), List.of("Authorization: Bearer " + live),
				List.of("Authorization: Basic !!!"), List.of("Authorization: Basic " + Base64.getEncoder()
					.encodeToString("rs".getBytes(StandardCharsets.UTF_8))),
				List.of(basic("rs", "%G1")));
		List<String> bodies = List.of("token=" + live, "token=tk_nope", "", "token=" + "x".repeat(40_000));
		for (List<String> headers : credentials) {
			for (String body : bodies) {
				String[] all = new String[headers.size() + 1];
				all[0] = FORM;
				for (int i = 0; i < headers.size(); i++) {
					all[i + 1] = headers.get(i);
				}
				RawHttp.Response response = introspect(body, all);
				assertThat(response.status()).as("%s %s", headers, response).isEqualTo(401);
				assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"tokenkit\"");
				assertThat(response.body()).isEqualTo(
						"{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
				assertThat(response.header("Cache-Control")).isEqualTo("no-store");
			}
		}
	}

	@Test
	void introspectWhenRequestMalformedThenOAuthErrorAndNothingDescribed() {
		start(new TestServer());
		String live = login("me", "my_password");
		String client = basic("rs", "rs-secret");
		List<Map.Entry<RawHttp.Response, Integer>> answers = List.of(
				Map.entry(introspect("token=" + live + "&token=" + live, FORM, client), 400),
				Map.entry(introspect("token=", FORM, client), 400),
				Map.entry(introspect("token_type_hint=access_token", FORM, client), 400),
				Map.entry(introspect("{\"token\":\"" + live + "\"}", "Content-Type: application/json", client), 400),
				Map.entry(introspect("token=" + live, FORM + "; charset=ISO-8859-1", client), 400),
				Map.entry(this.http.post("/oauth2/introspect?token=" + live, "", FORM, client), 400),
				Map.entry(introspect("token=" + "x".repeat(20_000), FORM, client), 413),
				Map.entry(this.http.get("/oauth2/introspect", client), 405),
				Map.entry(this.http.post("/oauth2/introspect;x=1", "token=" + live, FORM, client), 400));
		answers.forEach((answer) -> {
			RawHttp.Response response = answer.getKey();
			assertThat(response.status()).as("%s", response).isEqualTo(answer.getValue());
			assertThat(response.body()).as("%s", response).startsWith("{\"error\":\"").doesNotContain("active")
				.doesNotContain(live);
			TokenAnswers.assertSafe(response);
		});
		assertThat(answers).extracting(Map.Entry::getKey).filteredOn((response) -> response.status() == 405)
			.allSatisfy((response) -> assertThat(response.header("Allow")).isEqualTo("POST"));
	}

	/**
	 * Guesses at a client's secret are throttled; a client whose secret has already passed is remembered and keeps
	 * being answered, so that guesses cannot lock it out.
	 */
	@Test
	void introspectWhenClientGuessesSecretsThenThrottledButAVerifiedClientStillAnswered() {
		start(new TestServer());
		this.endpoint.setLoginThrottle(new InMemoryLoginThrottle(2, Duration.ofMinutes(15), this.server.clock));
		assertThat(active("rs", "rs-secret", "tk_nope")).isEqualTo(Map.of("active", false));
		for (int i = 0; i < 2; i++) {
			assertThat(introspect("token=tk_nope", FORM, basic("donations", "guess-" + i)).status()).isEqualTo(401);
			assertThat(introspect("token=tk_nope", FORM, basic("rs", "guess-" + i)).status()).isEqualTo(401);
		}
		for (String client : List.of("donations", "rs")) {
			RawHttp.Response throttled = introspect("token=tk_nope", FORM, basic(client, "guess-3"));
			assertThat(throttled.status()).isEqualTo(429);
			assertThat(throttled.header("Retry-After")).isNotBlank();
			assertThat(throttled.body()).startsWith("{\"error\":\"too_many_requests\"");
		}
		assertThat(introspect("token=tk_nope", FORM, basic("donations", "donations-secret")).status()).isEqualTo(429);
		assertThat(active("rs", "rs-secret", "tk_nope")).isEqualTo(Map.of("active", false));
	}

	/** Fail closed: a store that cannot be reached answers 503, never active. */
	@Test
	void introspectWhenStoreUnavailableThen503() {
		start(TestServer.withStore(TestServer.unreachableStore()));
		String wellFormed = OpaqueTokenService.builder(new InMemoryTokenStore()).build()
			.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(5)))
			.value();
		RawHttp.Response response = introspect("token=" + wellFormed, FORM, basic("rs", "rs-secret"));
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("1");
		assertThat(response.body()).startsWith("{\"error\":\"temporarily_unavailable\"").doesNotContain("active");
	}

}
