package dev.tokenkit.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample started in its own JVM, as {@code java -jar} or {@code spring-boot:run} start it, with a bad setting: it
 * must exit with a non-zero status within 30 seconds and print one description naming the setting, never a secret.
 */
class BadSettingStartTests {

	private static final Duration LIMIT = Duration.ofSeconds(30);

	@Test
	void startWhenStoreTypeMisspeltThenExitsNamingTheSettingAndItsValues() throws Exception {
		Started started = start("--tokenkit.store.type=reddis");
		assertThat(started.exitCode()).isNotZero();
		assertThat(started.output()).contains("APPLICATION FAILED TO START", "tokenkit.store.type", "reddis")
			.containsIgnoringCase("memory")
			.containsIgnoringCase("redis")
			.doesNotContain("\tat org.springframework");
	}

	@Test
	void startWhenJwtSecretTooShortThenExitsNamingTheSettingNeverTheSecret() throws Exception {
		String secret = Base64.getEncoder().encodeToString("twelve bytes".getBytes(StandardCharsets.US_ASCII));
		Started started = start("--tokenkit.token.kind=jwt", "--tokenkit.jwt.secret=" + secret);
		assertThat(started.exitCode()).isNotZero();
		assertThat(started.output()).contains("APPLICATION FAILED TO START", "tokenkit.jwt.secret", "32 bytes")
			.doesNotContain(secret);
	}

	private static Started start(String... settings) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
				System.getProperty("java.class.path"), SampleApplication.class.getName(), "--server.port=0"));
		command.addAll(List.of(settings));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		boolean exited = process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly();
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(exited).as("the sample exited within %s; its output:%n%s", LIMIT, output).isTrue();
		return new Started(process.exitValue(), output);
	}

	private record Started(int exitCode, String output) {
	}

}
