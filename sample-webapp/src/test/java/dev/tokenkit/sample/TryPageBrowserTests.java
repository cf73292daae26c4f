package dev.tokenkit.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "try it" page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): fill the DSI form,
 * click, see a token; use it through the page for a secure call. Skipped with a printed reason where Chromium is not
 * installed, unless {@code TOKENKIT_REQUIRE_CHROMIUM=true} (set by {@code .ci/run}) makes it mandatory.
 */
@SpringBootTest(classes = { SampleApplication.class, SampleApp.TestClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ResourceLock(SampleApp.DEFAULT_DATABASE)
class TryPageBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static ChromeDriver browser;

	@BeforeAll
	static void start() throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String reason = "Skipping browser tests: no " + CHROMIUM + " or " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver). Set TOKENKIT_REQUIRE_CHROMIUM=true to make them "
					+ "mandatory.";
			if (Boolean.parseBoolean(System.getenv("TOKENKIT_REQUIRE_CHROMIUM"))) {
				throw new IllegalStateException(reason);
			}
			System.err.println(reason);
			Assumptions.abort(reason);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createTempDirectory("tokenkit-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
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

	/** Polls the page: the browser answers asynchronously, and a test has no other way to wait for it. */
	private static String awaitText(String id, String expected) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		String text = "";
		while (Instant.now().isBefore(deadline)) {
			text = browser.findElement(By.id(id)).getText();
			if (text.contains(expected)) {
				return text;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("#" + id + " never showed " + expected + "; last: " + text);
	}

}
