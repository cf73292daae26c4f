package dev.tokenkit.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} and {@code chromium-driver}, headless, for the browser tests. Skips the calling test class
 * with a printed reason where they are not installed, unless {@code TOKENKIT_REQUIRE_CHROMIUM=true} (set by
 * {@code .ci/run}) makes them mandatory.
 */
final class HeadlessChromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	/** A new browser with a fresh profile (no cookies), its window the given size. */
	static ChromeDriver start(int width, int height) throws IOException {
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
				"--window-size=" + width + "," + height,
				"--user-data-dir=" + Files.createTempDirectory("tokenkit-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/** Polls the page: the browser answers asynchronously, and a test has no other way to wait for it. */
	static String awaitText(ChromeDriver browser, String id, String expected) throws InterruptedException {
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
