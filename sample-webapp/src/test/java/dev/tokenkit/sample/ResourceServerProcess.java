package dev.tokenkit.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tokenkit.servlet.testing.RawHttp;

/**
 * The stock resource server of {@code sample-resource-server}, run as its users run it: {@code java -jar} of its
 * executable jar (the POM hands its path to the tests as {@code tokenkit.resource-server.jar}), in a JVM of its own
 * whose classpath holds no tokenkit, on a free port of 127.0.0.1, configured by command-line properties only. Its log
 * is kept for failure messages.
 */
final class ResourceServerProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("Jetty started on port (\\d+)");

	private final Process process;

	private final List<String> log = new CopyOnWriteArrayList<>();

	private final int port;

	private ResourceServerProcess(List<String> settings) throws IOException {
		String jar = System.getProperty("tokenkit.resource-server.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("The resource server's jar (" + jar + ") is missing: build it with "
					+ "./mvnw -pl sample-resource-server package, or run the whole build, which packages it first");
		}
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+UseSerialGC", "-jar", jar, "--server.port=0"));
		settings.forEach((setting) -> command.add("--" + setting));
		this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
		CompletableFuture<Integer> started = new CompletableFuture<>();
		Thread reader = new Thread(() -> read(started), "resource-server-log");
		reader.setDaemon(true);
		reader.start();
		try {
			this.port = started.get(120, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			close();
			throw new IllegalStateException("The resource server did not start:\n" + String.join("\n", this.log), ex);
		}
	}

	/** Starts a resource server with these {@code spring.*} settings, {@code name=value} each. */
	static ResourceServerProcess start(String... settings) {
		try {
			return new ResourceServerProcess(List.of(settings));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The resource server could not be launched", ex);
		}
	}

	private void read(CompletableFuture<Integer> started) {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(this.process.getInputStream(),
				StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				this.log.add(line);
				Matcher matcher = STARTED.matcher(line);
				if (matcher.find()) {
					started.complete(Integer.parseInt(matcher.group(1)));
				}
			}
			started.completeExceptionally(new IllegalStateException("exited with " + this.process.waitFor()));
		}
		catch (IOException | InterruptedException ex) {
			started.completeExceptionally(ex);
		}
	}

	/** {@code GET /hello} with the token as a bearer token. */
	RawHttp.Response hello(String token) {
		return new RawHttp(this.port).get("/hello", "Authorization: Bearer " + token);
	}

	/** What it has logged so far. */
	String log() {
		return String.join("\n", this.log);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
