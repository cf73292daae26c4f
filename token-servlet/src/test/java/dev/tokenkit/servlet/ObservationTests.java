package dev.tokenkit.servlet;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import dev.tokenkit.core.account.AccountApiKeyVerifier;
import dev.tokenkit.core.observation.MicrometerTokenObservers;
import dev.tokenkit.core.opaque.OpaqueTokenCodec;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TestServer;
import dev.tokenkit.servlet.testing.TokenAnswers;
import dev.tokenkit.servlet.testing.TokenKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every outcome and failure reason of issues, checks, revocations and store calls, observed over real HTTP through
 * Micrometer's {@link TestObservationRegistry}, which also checks that each observation is started and stopped once;
 * and no observation holds anything the clients sent.
 */
@ParameterizedClass
@EnumSource(TokenKind.class)
class ObservationTests {

	private final TokenKind kind;

	private final String tokenKind;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private TestServer server;

	private RawHttp http;

	/** Every value the clients sent that no observation may hold: tokens, names, passwords, api keys. */
	private final List<String> sent = new ArrayList<>(List.of(TestServer.DSI_USER, TestServer.DSI_PASSWORD,
			TestServer.GG_EMAIL, TestServer.GG_PASSWORD, TestServer.GG_API_KEY, "ME_API_KEY", "WRONG_KEY",
			"wrong_password", "acct-me", "acct-john"));

	ObservationTests(TokenKind kind) {
		this.kind = kind;
		this.tokenKind = kind.name().toLowerCase(Locale.ROOT);
		// a store whose clock stands still keeps a token the service's clock has moved past: the service sees it
		// expired, as with a JDBC store between purges
		this.server = TestServer
			.observed(kind, new InMemoryTokenStore(Clock.fixed(MutableClock.start().instant(), ZoneOffset.UTC)),
					new MicrometerTokenObservers(this.registry, this.tokenKind, "memory"))
			.start((server) -> {
				server.filter.setApiKeyVerifier(new AccountApiKeyVerifier(server.accounts));
				server.servlet.issuer().setLoginThrottle(new InMemoryLoginThrottle(2, Duration.ofMinutes(15),
						server.clock));
			});
		this.http = this.server.http();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void issuesInBothDialectsThenEachOutcomeAndReasonIsObserved() {
		issueDsi();
		assertThat(this.http.post("/api/userservice/tokens", globalGivingBody(TestServer.GG_PASSWORD),
				"Content-Type: application/json").status()).isEqualTo(200);
		assertThat(this.http.get("/authentication_token", "Authorization: user me:wrong_password").status())
			.isEqualTo(401);
		assertThat(this.http.post("/api/userservice/tokens", "{\"auth_request\": [", "Content-Type: application/json")
			.status()).isEqualTo(400);
		for (int status : List.of(401, 401, 429)) {
			assertThat(this.http.post("/api/userservice/tokens", globalGivingBody("wrong_password"),
					"Content-Type: application/json").status()).isEqualTo(status);
		}

		assertThat(observed(MicrometerTokenObservers.ISSUES)).containsExactlyInAnyOrder(
				issue("dsi", "success", "none"), issue("globalgiving", "success", "none"),
				issue("dsi", "failure", "bad_credentials"), issue("globalgiving", "failure", "invalid_request"),
				issue("globalgiving", "failure", "bad_credentials"), issue("globalgiving", "failure", "bad_credentials"),
				issue("globalgiving", "failure", "throttled"));
		assertNothingSentIsObserved();
	}

	@Test
	void checksWithEveryOutcomeThenEachReasonIsObserved() {
		String token = issueDsi();
		String malformed = "not-a-token";
		this.sent.add(malformed);
		List<RawHttp.Response> responses = List.of(secure("api_key=ME_API_KEY", token),
				this.http.get("/secure/whoami?api_key=ME_API_KEY"),
				this.http.get("/secure/whoami?api_key=ME_API_KEY&access_token=" + token + "&access_token=" + token),
				secure("api_key=ME_API_KEY", malformed), secure("", token), secure("api_key=WRONG_KEY", token),
				secure("api_key=" + TestServer.GG_API_KEY, token), secure("api_key=ME_API_KEY&api_key=ME_API_KEY", token));
		assertThat(responses).extracting(RawHttp.Response::status)
			.containsExactly(200, 401, 400, 401, 400, 403, 403, 400);
		String unknown = unknownToken();
		this.sent.add(unknown);
		assertThat(secure("api_key=ME_API_KEY", unknown).status()).isEqualTo(401);
		this.server.clock.advance(Duration.ofHours(25));
		assertThat(secure("api_key=ME_API_KEY", token).status()).isEqualTo(401);

		assertThat(observed(MicrometerTokenObservers.CHECKS)).containsExactlyInAnyOrder(check("success", "none"),
				check("failure", "missing_token"), check("failure", "invalid_request"),
				check("failure", "invalid_request"), check("failure", "malformed"),
				check("failure", "missing_api_key"), check("failure", "bad_api_key"), check("failure", "bad_api_key"),
				check("failure", (this.kind == TokenKind.JWT) ? "bad_signature" : "unknown"),
				check("failure", "expired"));
		assertNothingSentIsObserved();
	}

	@Test
	void revocationsThenLogoutAndRevokeAllAreObservedAndARevokedTokenIsRefusedAsSuch() {
		String token = issueDsi();
		assertThat(this.http.delete("/authentication_token", "Authorization: Bearer " + token).status())
			.isEqualTo(204);
		this.server.tokenService.revokeAll("acct-me");
		assertThat(secure("api_key=ME_API_KEY", token).status()).isEqualTo(401);

		assertThat(observed(MicrometerTokenObservers.REVOCATIONS)).containsExactly(
				Map.of("operation", "revoke", "token.kind", this.tokenKind, "outcome", "success", "reason", "none"),
				Map.of("operation", "revoke_all", "token.kind", this.tokenKind, "outcome", "success", "reason",
						"none"));
		assertThat(observed(MicrometerTokenObservers.CHECKS))
			.containsExactly(check("failure", (this.kind == TokenKind.JWT) ? "revoked" : "unknown"));
		assertThat(observed(MicrometerTokenObservers.ISSUES)).containsExactly(issue("dsi", "success", "none"));
		assertNothingSentIsObserved();
	}

	@Test
	void storeCallsThenEachOperationIsObservedWithTheStoreKind() {
		String token = issueDsi();
		assertThat(secure("api_key=ME_API_KEY", token).status()).isEqualTo(200);
		List<Map<String, String>> calls = observed(MicrometerTokenObservers.STORE_CALLS);
		if (this.kind == TokenKind.OPAQUE) {
			// issue: save; check: find (the touch waits for its interval)
			assertThat(calls).containsExactly(storeCall("save", "success", "none"),
					storeCall("find", "success", "none"));
		}
		else {
			// a JWT is checked by its signature and the revocations the store holds for its jti and account
			assertThat(calls).isNotEmpty().allSatisfy((call) -> assertThat(call).containsEntry("outcome", "success")
				.containsEntry("store", "memory"));
		}
	}

	@Test
	void storeDownThenIssuesChecksRevocationsAndStoreCallsFailAsStoreUnavailable() {
		this.server.close();
		this.registry.clear();
		this.server = TestServer
			.observed(this.kind, TestServer.unreachableStore(),
					new MicrometerTokenObservers(this.registry, this.tokenKind, "jdbc"))
			.start();
		this.http = this.server.http();
		// an opaque issue saves the token; a JWT is signed without the store, which its check then needs
		RawHttp.Response issued = this.http.get("/authentication_token", "Authorization: user me:my_password");
		String token = (this.kind == TokenKind.OPAQUE) ? unknownToken()
				: TokenAnswers.token(issued, TokenAnswers.DSI_JSON, "application/json");
		this.sent.add(token);
		assertThat(this.http.get("/secure/whoami", "Authorization: Bearer " + token).status()).isEqualTo(503);
		assertThat(this.http.delete("/authentication_token", "Authorization: Bearer " + token).status())
			.isEqualTo(503);

		assertThat(observed(MicrometerTokenObservers.ISSUES)).containsExactly((this.kind == TokenKind.OPAQUE)
				? issue("dsi", "failure", "store_unavailable") : issue("dsi", "success", "none"));
		assertThat(observed(MicrometerTokenObservers.CHECKS)).containsExactly(check("failure", "store_unavailable"));
		assertThat(observed(MicrometerTokenObservers.REVOCATIONS)).containsExactly(Map.of("operation", "revoke",
				"token.kind", this.tokenKind, "outcome", "failure", "reason", "store_unavailable"));
		assertThat(observed(MicrometerTokenObservers.STORE_CALLS)).isNotEmpty()
			.allSatisfy((call) -> assertThat(call).containsEntry("store", "jdbc")
				.containsEntry("outcome", "failure")
				.containsEntry("reason", "store_unavailable"));
		assertNothingSentIsObserved();
	}

	private String issueDsi() {
		String token = TokenAnswers.token(this.http.get("/authentication_token", "Authorization: user me:my_password"),
				TokenAnswers.DSI_JSON, "application/json");
		this.sent.add(token);
		return token;
	}

	private RawHttp.Response secure(String query, String token) {
		return this.http.get("/secure/whoami?" + query, "Authorization: Bearer " + token);
	}

	private String unknownToken() {
		return (this.kind == TokenKind.OPAQUE) ? new OpaqueTokenCodec(new SecureRandom()).generate()
				: "eyJhbGciOiJIUzI1NiIsImtpZCI6InRlc3Qta2V5IiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJhY2N0LW1lIn0."
						+ "c2lnbmF0dXJlLXRoYXQtZG9lcy1ub3QtdmVyaWZ5LWF0LWFsbC0xMjM0NTY3ODk";
	}

	private static String globalGivingBody(String password) {
		return "{\"auth_request\":{\"user\":{\"email\":\"" + TestServer.GG_EMAIL + "\",\"password\":\"" + password
				+ "\"},\"api_key\":\"" + TestServer.GG_API_KEY + "\"}}";
	}

	private Map<String, String> issue(String dialect, String outcome, String reason) {
		return Map.of("dialect", dialect, "token.kind", this.tokenKind, "outcome", outcome, "reason", reason);
	}

	private Map<String, String> check(String outcome, String reason) {
		return Map.of("token.kind", this.tokenKind, "outcome", outcome, "reason", reason);
	}

	private static Map<String, String> storeCall(String operation, String outcome, String reason) {
		return Map.of("operation", operation, "store", "memory", "outcome", outcome, "reason", reason);
	}

	/**
	 * The low-cardinality key values of every observation of a name, in the order they were made, once each has ended:
	 * an issue ends after its answer is written, so the client can read the answer a moment before.
	 */
	private List<Map<String, String>> observed(String name) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		List<Map<String, String>> observed = keyValues(name);
		while (observed.stream().anyMatch((keys) -> !keys.containsKey("outcome")) && System.nanoTime() < deadline) {
			Thread.onSpinWait();
			observed = keyValues(name);
		}
		return observed;
	}

	private List<Map<String, String>> keyValues(String name) {
		return contexts().stream().filter((context) -> name.equals(context.getName())).map((context) -> {
			Map<String, String> keys = new LinkedHashMap<>();
			context.getLowCardinalityKeyValues().forEach((keyValue) -> keys.put(keyValue.getKey(), keyValue.getValue()));
			return keys;
		}).toList();
	}

	private List<Observation.Context> contexts() {
		List<Observation.Context> contexts = new ArrayList<>();
		TestObservationRegistryAssert.assertThat(this.registry).hasHandledContextsThatSatisfy(contexts::addAll);
		return contexts;
	}

	/** No key value, name or error of any observation holds a token, username, password or api key the test sent. */
	private void assertNothingSentIsObserved() {
		List<String> observedValues = new ArrayList<>();
		for (Observation.Context context : contexts()) {
			for (KeyValue keyValue : context.getAllKeyValues()) {
				observedValues.add(keyValue.getKey());
				observedValues.add(keyValue.getValue());
			}
			observedValues.add(String.valueOf(context.getName()));
			observedValues.add(String.valueOf(context.getContextualName()));
			observedValues.add(String.valueOf(context.getError()));
		}
		assertThat(observedValues).isNotEmpty();
		for (String value : observedValues) {
			for (String secret : this.sent) {
				assertThat(value).as("an observed value").isNotEqualToIgnoringCase(secret);
				if (secret.length() > 3) {
					assertThat(value).as("an observed value").doesNotContainIgnoringCase(secret);
				}
			}
		}
	}

}
