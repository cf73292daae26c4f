package dev.tokenkit.sample;

import java.util.List;

import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page and {@code GET /secure/tokens} over real HTTP, on the sample as the README starts it: a user's
 * tokens listed with their clients' labels, never a token or a hash; revocation only with the site's CSRF token, and
 * only of the user's own tokens. The browser drives the buttons in {@link AccountPageBrowserTests}.
 */
@ResourceLock(SampleApp.DEFAULT_DATABASE)
class AccountPageTests {

	private static SampleApp app;

	private static RawHttp http;

	@BeforeAll
	static void start() {
		app = new SampleApp();
		http = app.http();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void accountPageWhenThreeClientsHoldTokensThenEachListedWithItsLabelNeverATokenOrHash() {
		List<String> tokens = List.of(token("me", "my_password", "curl/8.5.0"),
				token("me", "my_password", "GiveApp/2.1 (iPhone; iOS 17)"),
				token("me", "my_password", "Evil\t\t<script>alert(1)</script>  "));
		FormLogin me = FormLogin.of(http, "me", "my_password");

		String page = http.get("/account", me.header()).body();
		assertThat(page).contains("<td class=\"client\">curl/8.5.0</td>",
				"<td class=\"client\">GiveApp/2.1 (iPhone; iOS 17)</td>",
				"<td class=\"client\">Evil &lt;script&gt;alert(1)&lt;/script&gt;</td>", "<td class=\"dialect\">dsi</td>");
		assertThat(page).contains("ME_•••••••", "data-key=\"ME_API_KEY\"");
		String list = http.get("/secure/tokens", "Authorization: Bearer " + tokens.get(0), "Accept: application/json")
			.body();
		assertThat(list).contains("\"client\":\"curl/8.5.0\"", "\"dialect\":\"dsi\"", "\"handle\":\"");
		for (String token : tokens) {
			String hash = TokenHash.of(token).toHex();
			assertThat(page).doesNotContain(token, hash).contains(TokenHash.of(token).handle());
			assertThat(list).doesNotContain(token, hash).contains(TokenHash.of(token).handle());
		}
		String john = token("john", "somepassword", "curl/8.5.0");
		assertThat(http.get("/secure/tokens", "Authorization: Bearer " + john, "Accept: application/json").body())
			.as("john's list holds only john's token").contains(TokenHash.of(john).handle())
			.doesNotContain(TokenHash.of(tokens.get(0)).handle());
	}

	@Test
	void revokeWhenNoCsrfTokenThenRefusedAndNothingRevoked() {
		String token = token("me", "my_password", "curl/8.5.0");
		FormLogin me = FormLogin.of(http, "me", "my_password");
		RawHttp.Response refused = http.post("/account/tokens/revoke", "handle=" + TokenHash.of(token).handle(),
				"Content-Type: application/x-www-form-urlencoded", me.header());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(whoami(token)).isEqualTo(200);

		RawHttp.Response revoked = http.post("/account/tokens/revoke",
				"handle=" + TokenHash.of(token).handle() + "&_csrf=" + me.csrf(),
				"Content-Type: application/x-www-form-urlencoded", me.header());
		assertThat(revoked.status()).isEqualTo(302);
		assertThat(http.get("/account", me.header()).body()).contains("Token revoked.");
		assertThat(whoami(token)).isEqualTo(401);
	}

	@Test
	void revokeWhenAnotherAccountsHandleThenNothingRevoked() {
		String johns = token("john", "somepassword", "curl/8.5.0");
		FormLogin me = FormLogin.of(http, "me", "my_password");
		http.post("/account/tokens/revoke", "handle=" + TokenHash.of(johns).handle() + "&_csrf=" + me.csrf(),
				"Content-Type: application/x-www-form-urlencoded", me.header());
		assertThat(http.get("/account", me.header()).body()).contains("No such token: nothing was revoked.");
		assertThat(whoami(johns)).isEqualTo(200);
	}

	private static String token(String username, String password, String userAgent) {
		return TokenAnswers.token(http.get("/authentication_token", "Authorization: user " + username + ":" + password,
				"User-Agent: " + userAgent), TokenAnswers.DSI_JSON, "application/json");
	}

	private static int whoami(String token) {
		return http.get("/secure/whoami", "Authorization: Bearer " + token).status();
	}

}
