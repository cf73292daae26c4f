package dev.tokenkit.sample;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "try it" page in {@link HeadlessChromium} at 1280×800: fill the DSI form, click, see a token; use it through the
 * page for a secure call.
 */
@SpringBootTest(classes = { SampleApplication.class, SampleApp.TestClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ResourceLock(SampleApp.DEFAULT_DATABASE)
class TryPageBrowserTests {

	private static ChromeDriver browser;

	@BeforeAll
	static void start() throws IOException {
		browser = HeadlessChromium.start(1280, 800);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@LocalServerPort
	private int port;

	@Test
	void tryPageThenTheDemoAccountsAndTheirApiKeysAreListed() {
		browser.get("http://127.0.0.1:" + this.port + "/try");
		assertThat(browser.findElement(By.id("demo-accounts")).getText()).contains("me my_password ME_API_KEY DSI",
				"John_Doe@hotmail.com (john) somepassword YOUR_API_KEY GlobalGiving");
	}

	/**
	 * The DSI token of {@code me}, used with {@code me}'s own api key: every answer beside its request in the viewport,
	 * and every call's {@code curl} line giving the same status when run as printed.
	 */
	@Test
	void tryPageWhenDsiTokenThenUsableForEveryCallWithItsOwnAccountsApiKey() throws Exception {
		browser.get("http://127.0.0.1:" + this.port + "/try");
		assertThat(browser.findElement(By.id("dsi-link")).getText())
			.isEqualTo("GET /authentication_token?username=me&password=my_password");
		String body = click("dsi-call", 200);
		assertThat(body).matches("\"tk_[A-Za-z0-9_-]{49}\"");
		assertThat(browser.findElement(By.id("headers")).getText()).contains("cache-control: no-store");
		assertThat(browser.findElement(By.id("token")).getAttribute("value")).isEqualTo(body.replace("\"", ""));
		assertThat(browser.findElement(By.id("api-key")).getAttribute("value")).isEqualTo("ME_API_KEY");
		assertThat(click("whoami-call", 200)).contains("\"username\":\"me\"");
		assertThat(click("donations-call", 200)).startsWith("[");
		assertThat(click("tokens-call", 200)).contains("\"handle\"", "\"dialect\":\"dsi\"");
		click("logout-call", 204);
		click("whoami-call", 401);
	}

	@Test
	void tryPageWhenGlobalGivingThenTokenUsableForDonationWithJohnsApiKey() throws Exception {
		browser.get("http://127.0.0.1:" + this.port + "/try");
		assertThat(browser.findElement(By.id("gg-request")).getText()).startsWith("POST /api/userservice/tokens")
			.contains("<api_key>YOUR_API_KEY</api_key>");
		assertThat(click("gg-call", 200)).contains("<auth_response><access_token>tk_");
		assertThat(browser.findElement(By.id("api-key")).getAttribute("value")).isEqualTo("YOUR_API_KEY");
		click("donate-call", 201);
		assertThat(click("donations-call", 200)).startsWith("[").contains("\"project_id\":\"p-clean-water\"");
	}

	/**
	 * Clicks a call's button and waits for its answer; checks that the answer is in the 1280×800 viewport without
	 * scrolling, and that the call's {@code curl} line, run as printed, gets the same status.
	 *
	 * @return the answer's body
	 */
	private static String click(String button, int status) throws Exception {
		browser.findElement(By.id(button)).click();
		HeadlessChromium.awaitText(browser, "status", status + " ");
		Object inView = browser.executeScript("const r = document.getElementById('answer').getBoundingClientRect();"
				+ " const s = document.getElementById('status').getBoundingClientRect();"
				+ " return r.left >= 0 && r.right <= innerWidth && s.top >= 0 && s.bottom <= innerHeight;");
		assertThat(inView).as("the answer to %s is in the viewport", button).isEqualTo(Boolean.TRUE);
		String curl = browser.findElement(By.id("curl")).getText();
		assertThat(curl).startsWith("curl -i ");
		assertThat(Curl.run(curl).status()).as("%s", curl).isEqualTo(status);
		return browser.findElement(By.id("body")).getText();
	}

}
