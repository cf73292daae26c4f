package dev.tokenkit.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a {@code curl} command line through {@code bash}, as a reader pastes it, and reads the status and body. Skips
 * the calling test with a printed reason where curl is not installed.
 *
 * @param status the HTTP status
 * @param body what curl printed before the status (with {@code -i}, the headers too)
 */
record Curl(int status, String body) {

	static Curl run(String command) throws IOException, InterruptedException {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl")),
				() -> {
					String reason = "Skipping a curl test: curl is not installed";
					System.err.println(reason);
					return reason;
				});
		Process process = new ProcessBuilder("bash", "-c", command + " -s -w '\\n%{http_code}'")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as("curl exit for %s: %s", command, output).isZero();
		int newline = output.lastIndexOf('\n');
		return new Curl(Integer.parseInt(output.substring(newline + 1).strip()), output.substring(0, newline));
	}

}
