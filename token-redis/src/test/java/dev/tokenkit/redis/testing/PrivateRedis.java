package dev.tokenkit.redis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A Redis server of the test's own, on a free port of 127.0.0.1, keeping nothing on disk, that a test may stop and
 * start again (the shared Redis is never touched). Without {@code /usr/bin/redis-server} the calling test is skipped
 * with a printed reason, unless {@code TOKENKIT_REQUIRE_REDIS=true} makes it fail.
 */
public final class PrivateRedis implements AutoCloseable {

	private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

	private final int port;

	private Process process;

	private PrivateRedis(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	/** Starts a private Redis on a free port. */
	public static PrivateRedis start() {
		requireServerBinary();
		for (int attempt = 1;; attempt++) {
			int port = freePort();
			Process process = launch(port);
			if (process != null) {
				return new PrivateRedis(port, process);
			}
			if (attempt == 5) {
				throw new IllegalStateException("redis-server found no free port in five attempts");
			}
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The server's {@code redis://} URI. */
	public String uri() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** The server's port. */
	public int port() {
		return this.port;
	}

	/** Stops the server (SIGTERM, then SIGKILL after 10 s) and waits until it has gone; its data goes with it. */
	public void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	/**
	 * Starts the server again on the same port, empty. While the port is free, a client reconnecting to it can hold it
	 * for a moment (a loopback connection to a free port can connect to itself), so a busy port is tried again.
	 */
	public void restart() throws InterruptedException {
		for (int attempt = 1; attempt <= 50; attempt++) {
			Process restarted = launch(this.port);
			if (restarted != null) {
				this.process = restarted;
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("redis-server could not bind " + this.port + " again");
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

	/**
	 * Starts redis-server and waits for its "Ready to accept connections" line. Readiness is read from its log, not
	 * probed: a probe connection to a free loopback port can connect to itself and hold the port.
	 *
	 * @return the server, or {@code null} if its port was taken
	 */
	private static @Nullable Process launch(int port) {
		return launch(port, List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
				"--appendonly", "no"), "Ready to accept connections");
	}

	/** Checks that redis-server is there: skips the calling test, or fails it when Redis is required, if not. */
	static void requireServerBinary() {
		if (!Files.isExecutable(REDIS_SERVER)) {
			String reason = "Skipping a private-Redis test: no " + REDIS_SERVER;
			if (Boolean.parseBoolean(System.getenv(TestRedis.REQUIRE_VARIABLE))) {
				throw new IllegalStateException(reason);
			}
			System.err.println(reason);
			Assumptions.abort(reason);
		}
	}

	/**
	 * Starts redis-server with these arguments and waits for a line of its log that says it is ready. Readiness is read
	 * from its log, not probed: a probe connection to a free loopback port can connect to itself and hold the port. It
	 * runs in a temporary directory of its own, so that a file it writes there (a replica's copy of its primary's
	 * data) never lands in the build's directory.
	 *
	 * @return the server, or {@code null} if its port was taken
	 */
	static @Nullable Process launch(int port, List<String> arguments, String readyLine) {
		Path log = null;
		try {
			Path directory = Files.createTempDirectory("tokenkit-redis-" + port + "-");
			log = directory.resolve("redis.log");
			List<String> command = new ArrayList<>(List.of(REDIS_SERVER.toString()));
			command.addAll(arguments);
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			Instant deadline = Instant.now().plusSeconds(10);
			while (Instant.now().isBefore(deadline) && process.isAlive()) {
				if (Files.readString(log).contains(readyLine)) {
					return process;
				}
				Thread.sleep(20);
			}
			process.destroyForcibly().waitFor();
			String output = Files.readString(log);
			if (output.contains("Address already in use")) {
				return null;
			}
			throw new IllegalStateException("redis-server did not start on " + port + ": " + output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			deleteQuietly(log);
		}
	}

	private static void deleteQuietly(@Nullable Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a temporary file left behind
			}
		}
	}

}
