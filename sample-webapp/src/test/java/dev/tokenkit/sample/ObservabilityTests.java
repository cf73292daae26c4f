package dev.tokenkit.sample;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's Actuator endpoints as the README shows them: readable by the admin account only, and the Prometheus
 * scrape counting exactly the issues, failures and checks a scripted run made.
 */
@ResourceLock(SampleApp.DEFAULT_DATABASE)
class ObservabilityTests {

	private static final String ADMIN = basic("admin", "admin_password");

	private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$");

	private static SampleApp app;

	private static RawHttp http;

	@BeforeAll
	static void start() {
		// tokens in the embedded database, so that the store's calls are timed too
		app = new SampleApp(Map.of("tokenkit.store.type", "jdbc"), MutableClock.start());
		http = app.http();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void actuatorWhenNoCredentialsOrAUserTokenOrAUserPasswordThenRefusedAndAdminReadsIt() {
		String userToken = dsiToken();
		for (String endpoint : List.of("/actuator/health", "/actuator/metrics", "/actuator/prometheus")) {
			assertThat(http.get(endpoint).status()).as("%s without credentials", endpoint).isEqualTo(401);
			assertThat(http.get(endpoint, "Authorization: Bearer " + userToken).status())
				.as("%s with a user's token", endpoint)
				.isEqualTo(401);
			assertThat(http.get(endpoint + "?access_token=" + userToken).status())
				.as("%s with a user's token as a parameter", endpoint)
				.isEqualTo(401);
			assertThat(http.get(endpoint, basic("me", "my_password")).status())
				.as("%s with a user's password", endpoint)
				.isEqualTo(403);
			RawHttp.Response admin = http.get(endpoint, ADMIN);
			assertThat(admin.status()).as("%s as admin", endpoint).isEqualTo(200);
			assertThat(admin.header("Set-Cookie")).isNull();
		}
		RawHttp.Response health = http.get("/actuator/health", ADMIN);
		assertThat(health.body()).containsPattern(
				"\"tokenkit\":\\{\"details\":\\{\"latencyMs\":\\d+,\"store\":\"JdbcTokenStore\"},\"status\":\"UP\"}")
			.doesNotContain("\"redis\"");
	}

	@Test
	void prometheusWhenAScriptedRunThenItsCountsExactly() {
		Map<String, Double> before = scrape();
		int dsiIssues = 3;
		int ggIssues = 2;
		int wrongPasswords = 2;
		int goodChecks = 4;
		String token = dsiToken();
		for (int i = 1; i < dsiIssues; i++) {
			dsiToken();
		}
		for (int i = 0; i < ggIssues; i++) {
			assertThat(http.post("/api/userservice/tokens", "{'auth_request':{'user':{'email':"
					+ "'John_Doe@hotmail.com','password':'somepassword'}, 'api_key':'YOUR_API_KEY'}}",
					"Content-Type: application/json").status()).isEqualTo(200);
		}
		for (int i = 0; i < wrongPasswords; i++) {
			assertThat(http.get("/authentication_token", "Authorization: user me:not_my_password").status())
				.isEqualTo(401);
		}
		for (int i = 0; i < goodChecks; i++) {
			assertThat(http.get("/secure/whoami", "Authorization: Bearer " + token).status()).isEqualTo(200);
		}
		assertThat(http.get("/secure/whoami", "Authorization: Bearer tk_not-a-token").status()).isEqualTo(401);
		assertThat(http.get("/api/secure/givingservice/donations?api_key=YOUR_API_KEY&api_token=" + token).status())
			.isEqualTo(403);
		assertThat(http.get("/secure/whoami").status()).isEqualTo(401);
		Map<String, Double> after = scrape();

		assertThat(delta(before, after, "tokenkit_tokens_issues_seconds_count", "dialect=\"dsi\"",
				"outcome=\"success\"")).isEqualTo(dsiIssues);
		assertThat(delta(before, after, "tokenkit_tokens_issues_seconds_count", "dialect=\"globalgiving\"",
				"outcome=\"success\"")).isEqualTo(ggIssues);
		assertThat(delta(before, after, "tokenkit_tokens_issues_seconds_count", "reason=\"bad_credentials\""))
			.isEqualTo(wrongPasswords);
		assertThat(delta(before, after, "tokenkit_tokens_checks_seconds_count", "outcome=\"success\""))
			.isEqualTo(goodChecks);
		assertThat(delta(before, after, "tokenkit_tokens_checks_seconds_count", "reason=\"malformed\"")).isEqualTo(1);
		assertThat(delta(before, after, "tokenkit_tokens_checks_seconds_count", "reason=\"bad_api_key\"")).isEqualTo(1);
		assertThat(delta(before, after, "tokenkit_tokens_checks_seconds_count", "reason=\"missing_token\""))
			.isEqualTo(1);
		assertThat(delta(before, after, "tokenkit_tokens_checks_seconds_count", "outcome=\"failure\"")).isEqualTo(3);
		assertThat(delta(before, after, "tokenkit_store_calls_seconds_count", "operation=\"save\"",
				"store=\"jdbc\"")).isEqualTo(dsiIssues + ggIssues);
		assertThat(after.keySet()).anyMatch((series) -> series.startsWith("tokenkit_store_calls_seconds_bucket{"));
		assertThat(after.keySet()).noneMatch((series) -> series.contains(token) || series.contains("me:")
				|| series.contains("YOUR_API_KEY") || series.contains("John_Doe"));
	}

	private static String dsiToken() {
		return TokenAnswers.token(http.get("/authentication_token", "Authorization: user me:my_password"),
				TokenAnswers.DSI_JSON, "application/json");
	}

	private static String basic(String user, String password) {
		return "Authorization: Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Every sample of the admin's Prometheus scrape, by its name and labels. */
	private static Map<String, Double> scrape() {
		RawHttp.Response response = http.get("/actuator/prometheus", ADMIN);
		assertThat(response.status()).isEqualTo(200);
		Map<String, Double> samples = new HashMap<>();
		for (String line : response.body().split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (sample.matches()) {
				samples.put(sample.group(1) + "{" + sample.group(2) + "}", Double.parseDouble(sample.group(3)));
			}
		}
		return samples;
	}

	/** How much the samples of a metric whose labels include every one given grew between two scrapes. */
	private static long delta(Map<String, Double> before, Map<String, Double> after, String metric,
			String... labels) {
		return Math.round(sum(after, metric, labels) - sum(before, metric, labels));
	}

	private static double sum(Map<String, Double> samples, String metric, String... labels) {
		return samples.entrySet()
			.stream()
			.filter((sample) -> sample.getKey().startsWith(metric + "{")
					&& List.of(labels).stream().allMatch(sample.getKey()::contains))
			.mapToDouble(Map.Entry::getValue)
			.sum();
	}

}
