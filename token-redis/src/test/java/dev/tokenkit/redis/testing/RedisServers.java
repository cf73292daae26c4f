package dev.tokenkit.redis.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Redis server processes of a test's own, in a temporary directory (their cluster and Sentinel files), on loopback
 * ports, each startable, killable (SIGKILL, a crash) and all stopped on close.
 */
final class RedisServers implements AutoCloseable {

	private final Path directory;

	private final List<Process> processes = new ArrayList<>();

	RedisServers() {
		PrivateRedis.requireServerBinary();
		try {
			this.directory = Files.createTempDirectory("tokenkit-redis-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path directory() {
		return this.directory;
	}

	/** Starts a server on a free port with these arguments after the port; returns the port. */
	Started start(List<String> arguments, String readyLine, boolean clusterBus) {
		for (int attempt = 1; attempt <= 10; attempt++) {
			int port = clusterBus ? freePortWithBus() : PrivateRedis.freePort();
			List<String> all = new ArrayList<>(arguments.stream().map((a) -> a.replace("{port}",
					Integer.toString(port))).toList());
			Process process = PrivateRedis.launch(port, all, readyLine);
			if (process != null) {
				this.processes.add(process);
				return new Started(port, process);
			}
		}
		throw new IllegalStateException("redis-server found no free port in ten attempts");
	}

	/** A port that is free and whose cluster bus port (the port plus 10,000) is free too. */
	private static int freePortWithBus() {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(20_000, 29_000);
			if (isFree(port) && isFree(port + 10_000)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port pair for a cluster node");
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return socket.isBound();
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Kills a server as a crash would. */
	static void kill(Process process) throws InterruptedException {
		process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		for (Process process : this.processes) {
			process.destroyForcibly();
		}
		for (Process process : this.processes) {
			try {
				process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		delete(this.directory.toFile());
	}

	private static void delete(File file) {
		File[] children = file.listFiles();
		if (children != null) {
			for (File child : children) {
				delete(child);
			}
		}
		file.delete();
	}

	/** A running server. */
	record Started(int port, Process process) {

		String uri() {
			return "redis://127.0.0.1:" + this.port;
		}

	}

	/** Whether the server on this port is a primary, or a replica whose link to its primary is up. */
	static boolean replicaInSync(int port) {
		String replication = cli(List.of("-p", Integer.toString(port), "info", "replication"));
		return replication.contains("role:master") || replication.contains("master_link_status:up");
	}

	/** Runs redis-cli with these arguments, returning its output; fails if it fails. */
	static String cli(List<String> arguments) {
		List<String> command = new ArrayList<>(List.of("redis-cli"));
		command.addAll(arguments);
		try {
			Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!cli.waitFor(60, TimeUnit.SECONDS) || cli.exitValue() != 0) {
				throw new IllegalStateException("redis-cli " + arguments + " failed: " + output);
			}
			return output;
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
