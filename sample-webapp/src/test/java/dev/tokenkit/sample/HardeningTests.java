package dev.tokenkit.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile answers outside testing found on the sample the README starts, each over real HTTP against the Boot
 * app: no answer leaks (no stack trace, exception name, password, api key or token of the request, no server version),
 * and only a request that passed every tokenkit check keeps a token alive.
 */
class HardeningTests {

	private static final String PASSWORD = "my_password";

	private static SampleApp app;

	private static RawHttp http;

	@BeforeAll
	static void start() {
		app = new SampleApp(Map.of("spring.datasource.url", "jdbc:h2:mem:hardening;DB_CLOSE_DELAY=-1"),
				MutableClock.start());
		http = app.http();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void postWhenCharsetUnknownThenDialects400WithoutTrace() {
		RawHttp.Response json = http.post("/api/userservice/tokens", "{\"auth_request\":{\"user\":{\"email\":"
				+ "\"John_Doe@hotmail.com\",\"password\":\"somepassword\"},\"api_key\":\"YOUR_API_KEY\"}}",
				"Content-Type: application/json; charset=ebcdic");
		RawHttp.Response xml = http.post("/authentication_credentials",
				"<credentials><username>me</username><password>my_password</password></credentials>",
				"Content-Type: application/xml; charset=x-unknown");
		for (RawHttp.Response response : List.of(json, xml)) {
			assertThat(response.status()).as("%s", response).isEqualTo(400);
			assertLeaksNothing(response, "somepassword", PASSWORD, "YOUR_API_KEY", "ebcdic", "x-unknown");
		}
	}

	/**
	 * In a Spring Security chain, the request cache reads a parameter before tokenkit's filter runs, so the container
	 * refuses such a query (400, through Boot's error handling) before tokenkit could add its challenge; either way
	 * nothing of the request comes back.
	 */
	@Test
	void requestWhenQueryNotUtf8ThenRefusedWithoutEcho() {
		RawHttp.Response login = http.get("/authentication_token?username=me&password=caf%E9-secret");
		RawHttp.Response open = http.get("/api/public/projects?x=%E9-secret");
		RawHttp.Response secure = http.get("/secure/whoami?access_token=%E9-secret");
		for (RawHttp.Response response : List.of(login, open, secure)) {
			assertThat(response.status()).as("%s", response).isEqualTo(400);
			assertLeaksNothing(response, "secret", "%E9");
		}
	}

	@Test
	void requestWhenContainerRefusesItThenNothingEchoed() {
		String token = token("me");
		RawHttp.Response ambiguous = http.get("/api/%2573ecure/x?api_key=ME_API_KEY&api_token=" + token);
		RawHttp.Response trace = http.send("TRACE /secure/whoami?access_token=" + token + " HTTP/1.1", List.of(),
				"");
		for (RawHttp.Response response : List.of(ambiguous, trace)) {
			assertThat(response.status()).as("%s", response).isIn(400, 405);
			assertLeaksNothing(response, token, "ME_API_KEY", "%2573");
		}
	}

	@Test
	void tokenRequestWhenTokenSentTwiceThen400WithChallenge() {
		String token = token("me");
		RawHttp.Response twice = http.get("/secure/whoami?access_token=" + token + "&access_token=" + token);
		RawHttp.Response twoHeaders = http.get("/secure/whoami", "Authorization: Bearer " + token,
				"Authorization: Bearer " + token);
		for (RawHttp.Response response : List.of(twice, twoHeaders)) {
			TokenAnswers.jsonError(response, 400, "invalid_request");
			assertThat(response.header("WWW-Authenticate"))
				.isEqualTo("Bearer realm=\"tokenkit\", error=\"invalid_request\"");
		}
	}

	/** T-27: a valid token whose account lacks the role a route needs is {@code 403 insufficient_scope}. */
	@Test
	void secureCallWhenAccountLacksTheRoleThen403InsufficientScope() {
		RawHttp.Response refused = http.get("/secure/donor-summary?access_token=" + token("me"));
		TokenAnswers.jsonError(refused, 403, "insufficient_scope");
		assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tokenkit\", error=\"insufficient_scope\"");
		String donor = TokenAnswers.token(http.get("/authentication_token", "Authorization: user john:somepassword"),
				TokenAnswers.DSI_JSON, "application/json");
		assertThat(http.get("/secure/donor-summary?access_token=" + donor).status()).isEqualTo(200);
	}

	@Test
	void requestWhenHttpParserRefusesItThenOnePlainLine() {
		RawHttp.Response refused = http.get("/secure/whoami", "X-Bad: a" + (char) 0 + "b");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).isEqualTo("400 Bad Request\n");
		assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	/**
	 * A 30-minute token, one request of a kind 20 minutes in, then a secure call at 31 minutes: it is served only if
	 * that request counted as a use (docs/core.md: only a request that passed every tokenkit check does, what the app
	 * then answered included).
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "wrong api key, 403, false", "another account's api key, 403, false", "missing api key, 400, false",
			"firewall rejection, 400, false", "app 403, 403, true", "app 404, 404, true" })
	void tokenWhenRequestOfThisKindThenSlidesOnlyIfItPassedEveryTokenkitCheck(String kind, int status,
			boolean slides) {
		Map<String, Function<String, RawHttp.Response>> requests = Map.of(
				"wrong api key", (token) -> http.get(donations("WRONG_KEY", token)),
				"another account's api key", (token) -> http.get(donations("YOUR_API_KEY", token)),
				"missing api key", (token) -> http.get("/api/secure/givingservice/donations?api_token=" + token),
				"firewall rejection", (token) -> http.get("/secure/whoami;jsessionid=x?access_token=" + token),
				"app 403", (token) -> http.get("/secure/donor-summary?access_token=" + token),
				"app 404", (token) -> http.get("/secure/no-such-page?access_token=" + token));
		String token = token("me");
		app.clock.advance(Duration.ofMinutes(20));
		RawHttp.Response request = requests.get(kind).apply(token);
		assertThat(request.status()).as("%s: %s", kind, request).isEqualTo(status);
		assertLeaksNothing(request, token, "YOUR_API_KEY", "WRONG_KEY");
		app.clock.advance(Duration.ofMinutes(11));
		int later = http.get("/secure/whoami?access_token=" + token).status();
		assertThat(later).as("%s, then 31 minutes after issuance", kind).isEqualTo(slides ? 200 : 401);
	}

	private static String donations(String apiKey, String token) {
		return "/api/secure/givingservice/donations?api_key=" + apiKey + "&api_token=" + token;
	}

	private static String token(String user) {
		return TokenAnswers.token(http.get("/authentication_token", "Authorization: user " + user + ":" + PASSWORD),
				TokenAnswers.DSI_JSON, "application/json");
	}

	/** No trace, no exception name, none of the request's secrets, no server version. */
	private static void assertLeaksNothing(RawHttp.Response response, String... secrets) {
		assertThat(response.body()).doesNotContain("Exception", "at org.", "at java.").doesNotContain(secrets);
		assertThat(response.header("Server")).isNull();
		response.headers().forEach((header) -> assertThat(header[1]).doesNotContain(secrets));
	}

}
