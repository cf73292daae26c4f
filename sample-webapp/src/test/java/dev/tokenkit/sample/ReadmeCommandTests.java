package dev.tokenkit.sample;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the sample with the README's first command itself, in a forked Maven ({@code ./mvnw -pl sample-webapp -am
 * -Dmaven.test.skip spring-boot:run}, on a free port through {@code -Dspring-boot.run.arguments=--server.port=N}, and
 * without recompiling what the build around it compiled), and checks that it serves the home page and a token.
 */
class ReadmeCommandTests {

	private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

	@Test
	void readmeFirstCommandWhenRunThenHomePageAndTokenOnTheGivenPort() throws Exception {
		int port = freePort();
		Path root = Path.of("..").toAbsolutePath().normalize();
		File log = Path.of("target", "spring-boot-run.log").toFile();
		// The build around this test has compiled every module already. Without incremental compilation the forked
		// build compiles only stale sources, so it leaves target/classes alone: with it, it would recompile each module
		// (its dependencies are class directories here, jars in the build around it) while other test classes run a
		// JVM on this module's classes.
		Process maven = new ProcessBuilder(root.resolve("mvnw").toString(), "-B", "-pl", "sample-webapp", "-am",
				"-Dmaven.test.skip", "-Dmaven.compiler.useIncrementalCompilation=false", "spring-boot:run",
				"-Dspring-boot.run.arguments=--server.port=" + port)
			.directory(root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		try {
			RawHttp http = new RawHttp(port);
			awaitStarted(maven, log.toPath());
			assertThat(http.get("/").status()).isEqualTo(200);
			TokenAnswers.token(http.get("/authentication_token?username=me&password=my_password"),
					TokenAnswers.DSI_JSON, "application/json");
		}
		finally {
			maven.descendants().forEach(ProcessHandle::destroy);
			maven.destroy();
			if (!maven.waitFor(30, TimeUnit.SECONDS)) {
				maven.destroyForcibly();
			}
		}
	}

	/** Polls the forked build's log for Jetty's start line: a process gives no other signal. */
	private static void awaitStarted(Process maven, Path log) throws InterruptedException, IOException {
		Instant deadline = Instant.now().plus(STARTUP_LIMIT);
		while (Instant.now().isBefore(deadline)) {
			assertThat(maven.isAlive()).as("spring-boot:run exited early; see target/spring-boot-run.log").isTrue();
			if (Files.exists(log) && Files.readString(log).contains("Started SampleApplication")) {
				return;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("spring-boot:run did not start within " + STARTUP_LIMIT
				+ "; see target/spring-boot-run.log");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
