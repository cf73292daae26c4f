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
	void tryPageWhenDsiFormClickedThenTokenShownAndUsableForSecureCall() throws InterruptedException {
		browser.get("http://127.0.0.1:" + this.port + "/try");
		assertThat(browser.findElement(By.id("dsi-link")).getText())
			.isEqualTo("GET /authentication_token?username=me&password=my_password");
		browser.findElement(By.id("dsi-call")).click();
		String body = awaitText("body", "tk_");
		assertThat(body).matches("\"tk_[A-Za-z0-9_-]{49}\"");
		assertThat(browser.findElement(By.id("status")).getText()).startsWith("200");
		assertThat(browser.findElement(By.id("headers")).getText()).contains("cache-control: no-store");
		assertThat(browser.findElement(By.id("token")).getAttribute("value")).isEqualTo(body.replace("\"", ""));
		browser.findElement(By.id("whoami-call")).click();
		assertThat(awaitText("body", "username")).contains("\"username\":\"me\"");
	}

	@Test
	void tryPageWhenGlobalGivingThenTokenUsableForDonation() throws InterruptedException {
		browser.get("http://127.0.0.1:" + this.port + "/try");
		assertThat(browser.findElement(By.id("gg-request")).getText()).startsWith("POST /api/userservice/tokens")
			.contains("<api_key>YOUR_API_KEY</api_key>");
		browser.findElement(By.id("gg-call")).click();
		assertThat(awaitText("body", "access_token")).contains("<auth_response><access_token>tk_");
		browser.findElement(By.id("donate-call")).click();
		assertThat(awaitText("status", "201")).startsWith("201");
		browser.findElement(By.id("donations-call")).click();
		assertThat(awaitText("body", "[")).startsWith("[").contains("\"project_id\":\"p-clean-water\"");
		assertThat(browser.findElement(By.id("status")).getText()).startsWith("200");
	}

	private static String awaitText(String id, String expected) throws InterruptedException {
		return HeadlessChromium.awaitText(browser, id, expected);
	}

}
