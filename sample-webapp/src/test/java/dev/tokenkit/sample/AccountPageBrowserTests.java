package dev.tokenkit.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page's buttons in {@link HeadlessChromium}, on the sample as the README starts it: a signed-in user
 * revokes one of three tokens and exactly that one stops working; "sign out everywhere else" revokes every token and
 * ends the account's other session, and the page's own session stays signed in. The page with three tokens is saved
 * as {@code target/account-page.png}, the picture in the README.
 */
@ResourceLock(SampleApp.DEFAULT_DATABASE)
class AccountPageBrowserTests {

	private static SampleApp app;

	private static RawHttp http;

	private static ChromeDriver browser;

	@BeforeAll
	static void start() throws IOException {
		browser = HeadlessChromium.start(1280, 800);
		app = new SampleApp();
		http = app.http();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (app != null) {
			app.close();
		}
	}

	@Test
	void revokeWhenClickedForOneOfThreeTokensThenExactlyThatOneIsRefused() throws IOException, InterruptedException {
		String curl = token("curl/8.5.0");
		String phone = token("GiveApp/2.1 (iPhone)");
		String laptop = token("Mozilla/5.0 (X11; Linux x86_64)");
		signIn();
		browser.get(app.baseUrl() + "/account");
		assertThat(clients()).contains("curl/8.5.0", "GiveApp/2.1 (iPhone)", "Mozilla/5.0 (X11; Linux x86_64)");
		Files.write(Path.of("target", "account-page.png"), browser.getScreenshotAs(OutputType.BYTES));

		row("GiveApp/2.1 (iPhone)").findElement(By.className("revoke")).click();
		assertThat(HeadlessChromium.awaitText(browser, "message", "revoked")).isEqualTo("Token revoked.");
		assertThat(clients()).doesNotContain("GiveApp/2.1 (iPhone)").contains("curl/8.5.0");
		assertThat(whoami(phone)).isEqualTo(401);
		assertThat(whoami(curl)).isEqualTo(200);
		assertThat(whoami(laptop)).isEqualTo(200);
	}

	@Test
	void signOutEverywhereElseWhenClickedThenEveryTokenAndTheOtherSessionEndAndThisPageStays()
			throws InterruptedException {
		String token = token("curl/8.5.0");
		FormLogin otherDevice = FormLogin.of(http, "me", "my_password");
		signIn();
		browser.get(app.baseUrl() + "/account");

		browser.findElement(By.id("sign-out-elsewhere")).click();
		assertThat(HeadlessChromium.awaitText(browser, "message", "Signed out")).contains("1 other sessions ended");
		assertThat(whoami(token)).isEqualTo(401);
		RawHttp.Response other = http.get("/account", otherDevice.header());
		assertThat(other.status()).isEqualTo(302);
		assertThat(other.header("Location")).endsWith("/login?expired");
		browser.get(app.baseUrl() + "/account");
		assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("Signed in as me");
		assertThat(browser.findElements(By.cssSelector("#tokens tbody tr"))).isEmpty();
	}

	/** Signs the browser in through the login form, unless it is signed in already. */
	private static void signIn() {
		browser.get(app.baseUrl() + "/account");
		if (!browser.getCurrentUrl().contains("/login")) {
			return;
		}
		browser.findElement(By.id("username")).sendKeys("me");
		browser.findElement(By.id("password")).sendKeys("my_password");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
	}

	private static List<String> clients() {
		return browser.findElements(By.cssSelector("#tokens td.client")).stream().map(WebElement::getText).toList();
	}

	private static WebElement row(String client) {
		return browser.findElements(By.cssSelector("#tokens tbody tr"))
			.stream()
			.filter((row) -> row.findElement(By.className("client")).getText().equals(client))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + client));
	}

	private static String token(String userAgent) {
		return TokenAnswers.token(http.get("/authentication_token", "Authorization: user me:my_password",
				"User-Agent: " + userAgent), TokenAnswers.DSI_JSON, "application/json");
	}

	private static int whoami(String token) {
		return http.get("/secure/whoami", "Authorization: Bearer " + token).status();
	}

}
