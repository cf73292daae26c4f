package dev.tokenkit.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample over real HTTP in embedded Jetty: the README's curl examples, donations, expiry, and form login, with
 * opaque tokens and with JWTs ({@code --tokenkit.token.kind=jwt}).
 */
@ResourceLock(SampleApp.DEFAULT_DATABASE)
@ParameterizedClass
@ValueSource(strings = { "opaque", "jwt" })
class SampleEndToEndTests {

	private static SampleApp app;

	private static RawHttp http;

	private static String appTokens;

	SampleEndToEndTests(String tokens) {
		if (app == null || !tokens.equals(appTokens)) {
			stop();
			app = new SampleApp(Map.of("tokenkit.token.kind", tokens), MutableClock.start());
			appTokens = tokens;
			http = app.http();
		}
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
			app = null;
		}
	}

	private static String dsiToken(String user, String password) {
		return TokenAnswers.token(http.get("/authentication_token", "Authorization: user " + user + ":" + password),
				TokenAnswers.DSI_JSON, "application/json");
	}

	private static String ggToken() {
		return TokenAnswers.token(http.post("/api/userservice/tokens", "{'auth_request':{'user':{'email':"
				+ "'John_Doe@hotmail.com','password':'somepassword'}, 'api_key':'YOUR_API_KEY'}}",
				"Content-Type: application/json"), TokenAnswers.GG_JSON, "application/json");
	}

	/**
	 * Runs every {@code curl} line of the README, as printed but for the port, with {@code TOKEN} replaced by the token
	 * the section's first call issued; each must succeed with the status its comment or kind implies. The Actuator
	 * lines must answer the admin with tokenkit's figures.
	 */
	@Test
	void readmeCurlExamplesWhenRunAsPrintedThenEachAnswersAsDocumented() throws Exception {
		List<String> commands = readmeCurlCommands();
		assertThat(commands).hasSizeGreaterThanOrEqualTo(7);
		String token = null;
		String lastSecureCall = null;
		for (String printed : commands) {
			String command = printed.replace("http://localhost:8080", app.baseUrl());
			if (command.contains("/actuator/")) {
				// the metrics section: the admin reads what the calls above left, the scrape without its grep
				Curl result = curl(command.replaceFirst(" \\| grep .*$", ""));
				assertThat(result.status()).as("%s answered %s", printed, result).isEqualTo(200);
				assertThat(result.body()).as("%s", printed).contains("tokenkit");
				continue;
			}
			boolean issuing = !command.contains("TOKEN");
			if (!issuing) {
				command = command.replace("TOKEN", token);
			}
			Curl result = curl(command);
			assertThat(result.status()).as("%s answered %s", printed, result).isEqualTo(
					command.contains("-X DELETE") ? 204 : 200);
			if (issuing) {
				Matcher matcher = Pattern.compile(TokenAnswers.TOKEN).matcher(result.body());
				assertThat(matcher.find()).as("token in %s", result).isTrue();
				token = matcher.group(1);
			}
			else if (command.contains("-X DELETE")) {
				assertThat(curl(lastSecureCall).status()).as("%s after logout", lastSecureCall).isEqualTo(401);
			}
			else {
				lastSecureCall = command;
			}
		}
	}

	@Test
	void donationWhenBodyInvalidThenProblemWithoutTokenOrStackTrace() {
		String john = ggToken();
		String target = "/api/secure/givingservice/donations?api_key=YOUR_API_KEY&api_token=" + john;
		for (String[] body : new String[][] { { "application/json", "{\"project_id\":\"p-clean-water\"}" },
				{ "application/json", "{\"project_id\":\"p-clean-water\",\"amount\":\"lots\"}" },
				{ "application/json", "{\"project_id\":\"p-clean-water\",\"amount\":1e999999999}" },
				{ "application/json", "{\"project_id\":\"nope\",\"amount\":5}" },
				{ "application/xml", "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><donation><project_id>&x;"
						+ "</project_id><amount>5</amount></donation>" } }) {
			RawHttp.Response response = http.post(target, body[1], "Content-Type: " + body[0],
					"Accept: application/json");
			assertThat(response.status()).as("%s", body[1]).isEqualTo(400);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.body()).doesNotContain(john).doesNotContain("YOUR_API_KEY").doesNotContain("Exception")
				.doesNotContain("root:");
		}
	}

	@Test
	void donationWhenMadeWithOneAccountsTokenThenOnlyThatAccountSeesIt() {
		String john = ggToken();
		RawHttp.Response json = http.post("/api/secure/givingservice/donations?api_key=YOUR_API_KEY&api_token=" + john,
				"{\"project_id\":\"p-school-books\",\"amount\":40}", "Content-Type: application/json",
				"Accept: application/json");
		assertThat(json.status()).isEqualTo(201);
		RawHttp.Response xml = http.post("/api/secure/givingservice/donations?api_key=YOUR_API_KEY&api_token=" + john,
				"<donation><project_id>p-solar-clinic</project_id><amount>12.5</amount></donation>",
				"Content-Type: application/xml", "Accept: application/xml");
		assertThat(xml.status()).isEqualTo(201);
		String mine = http.get("/api/secure/givingservice/donations?api_key=YOUR_API_KEY&api_token=" + john,
				"Accept: application/json").body();
		assertThat(mine).contains("p-school-books").contains("p-solar-clinic");
		String me = dsiToken("me", "my_password");
		String theirs = http.get("/api/secure/givingservice/donations?api_key=ME_API_KEY&api_token=" + me,
				"Accept: application/json").body();
		assertThat(theirs).isEqualTo("[]");
		TokenAnswers.jsonError(http.get("/api/secure/givingservice/donations?api_key=YOUR_API_KEY&api_token=" + me,
				"Accept: application/json"), 403, "invalid_api_key");
		assertThat(http.get("/api/secure/givingservice/donations?api_token=" + john).status()).isEqualTo(400);
	}

	@Test
	void shortTimeoutAccountWhenIdleLongerThanItsOwnTimeoutThenRefused() {
		String shorty = dsiToken("shorty", "shorty_password");
		String me = dsiToken("me", "my_password");
		app.clock.advance(DemoAccounts.SHORTY_TIMEOUT.minusSeconds(1));
		assertThat(http.get("/secure/whoami", "Authorization: Bearer " + shorty).status()).isEqualTo(200);
		app.clock.advance(DemoAccounts.SHORTY_TIMEOUT.plusSeconds(1));
		TokenAnswers.jsonError(http.get("/secure/whoami", "Authorization: Bearer " + shorty), 401, "invalid_token");
		assertThat(http.get("/secure/whoami", "Authorization: Bearer " + me).status()).isEqualTo(200);
		app.clock.advance(Duration.ofMinutes(31));
		assertThat(http.get("/secure/whoami", "Authorization: Bearer " + me).status()).isEqualTo(401);
	}

	@Test
	void formLoginWhenCsrfTokenThenAccountPageBesideTokens() {
		RawHttp.Response loginPage = http.get("/login");
		String session = FormLogin.cookie(loginPage);
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).as("csrf field in %s", loginPage.body()).isTrue();
		RawHttp.Response refused = http.post("/login", "username=me&password=my_password",
				"Content-Type: application/x-www-form-urlencoded", "Cookie: " + session);
		assertThat(refused.status()).isEqualTo(403);
		RawHttp.Response login = http.post("/login", "username=me&password=my_password&_csrf=" + csrf.group(1),
				"Content-Type: application/x-www-form-urlencoded", "Cookie: " + session);
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.headerValues("Set-Cookie")).isNotEmpty()
			.allSatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("; HttpOnly")
				.containsIgnoringCase("; SameSite=Lax"));
		assertThat(login.header("Server")).isNull();
		RawHttp.Response account = http.get("/account", "Cookie: " + FormLogin.cookie(login));
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.body()).contains("Signed in as <strong>me</strong>");
		assertThat(http.get("/account").status()).isEqualTo(302);
		assertThat(http.get("/secure/whoami", "Cookie: " + FormLogin.cookie(login)).status()).isEqualTo(401);
	}

	@Test
	void publicPagesWhenNoLoginThenServed() {
		assertThat(http.get("/").status()).isEqualTo(200);
		assertThat(http.get("/try").body()).contains("Give it a try");
		assertThat(http.get("/api/public/projects", "Accept: application/json").body()).contains("p-clean-water");
	}

	private static List<String> readmeCurlCommands() throws IOException {
		List<String> commands = new ArrayList<>();
		StringBuilder current = null;
		for (String line : Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8)) {
			String code = line.replaceAll("\\s+#.*$", "").strip();
			if (current == null && code.startsWith("curl ")) {
				current = new StringBuilder();
			}
			if (current != null) {
				boolean continues = code.endsWith("\\");
				current.append(continues ? code.substring(0, code.length() - 1) : code).append(' ');
				if (!continues) {
					commands.add(current.toString().strip());
					current = null;
				}
			}
		}
		return commands;
	}

	private static Curl curl(String command) throws IOException, InterruptedException {
		return Curl.run(command);
	}

}
