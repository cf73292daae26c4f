package dev.tokenkit.redis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

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

	private PrivateRedis(int port) {
		this.port = port;
		this.process = launch(port);
	}

	/** Starts a private Redis on a free port. */
	public static PrivateRedis start() {
		if (!Files.isExecutable(REDIS_SERVER)) {
			String reason = "Skipping a private-Redis test: no " + REDIS_SERVER;
			if (Boolean.parseBoolean(System.getenv(TestRedis.REQUIRE_VARIABLE))) {
				throw new IllegalStateException(reason);
			}
			System.err.println(reason);
			Assumptions.abort(reason);
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new PrivateRedis(port);
	}

	/** The server's {@code redis://} URI. */
	public String uri() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** The server's port. */
	public int port() {
		return this.port;
	}

	/** Stops the server (SIGTERM) and waits until it has gone; its data goes with it. */
	public void stop() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

	/** Starts the server again on the same port, empty. */
	public void restart() {
		this.process = launch(this.port);
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

	/**
	 * Starts redis-server and waits for its "Ready to accept connections" line. Readiness is read from its log, not
	 * probed: a probe connection to a free loopback port can connect to itself and hold the port.
	 */
	private static Process launch(int port) {
		try {
			Path log = Files.createTempFile("tokenkit-redis-" + port + "-", ".log");
			Process process = new ProcessBuilder(REDIS_SERVER.toString(), "--port", Integer.toString(port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no").redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			Instant deadline = Instant.now().plusSeconds(10);
			while (Instant.now().isBefore(deadline) && process.isAlive()) {
				if (Files.readString(log).contains("Ready to accept connections")) {
					return process;
				}
				Thread.sleep(20);
			}
			process.destroyForcibly();
			throw new IllegalStateException("redis-server did not start on " + port + ": " + Files.readString(log));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
