package dev.tokenkit.redis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A primary, a replica and three Sentinels of the test's own (quorum two, a primary counts as down after one second),
 * on loopback ports, nothing on disk but the Sentinels' files in a temporary directory. Never the shared Redis.
 * Without {@code /usr/bin/redis-server} the calling test is skipped, unless {@code TOKENKIT_REQUIRE_REDIS=true} makes
 * it fail.
 */
public final class PrivateRedisSentinel implements AutoCloseable {

	/** The name the Sentinels know the primary by. */
	public static final String PRIMARY_NAME = "tokenkit";

	private final RedisServers servers = new RedisServers();

	private final List<RedisServers.Started> data = new ArrayList<>();

	private final List<RedisServers.Started> sentinels = new ArrayList<>();

	private PrivateRedisSentinel() {
		List<String> server = List.of("--port", "{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
				"--repl-diskless-sync-delay", "0");
		try {
			RedisServers.Started primary = this.servers.start(server, "Ready to accept connections", false);
			this.data.add(primary);
			List<String> replica = new ArrayList<>(server);
			replica.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port())));
			this.data.add(this.servers.start(replica, "Ready to accept connections", false));
			for (int i = 0; i < 3; i++) {
				Path config = this.servers.directory().resolve("sentinel-" + i + ".conf");
				Files.writeString(config, "bind 127.0.0.1\nsentinel monitor " + PRIMARY_NAME + " 127.0.0.1 "
						+ primary.port() + " 2\nsentinel down-after-milliseconds " + PRIMARY_NAME + " 1000\n"
						+ "sentinel failover-timeout " + PRIMARY_NAME + " 5000\n");
				this.sentinels.add(this.servers.start(List.of(config.toString(), "--sentinel", "--port", "{port}"),
						"+monitor master", false));
			}
			awaitSentinelsSeeEverything();
		}
		catch (IOException ex) {
			close();
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Starts the set-up and waits until the replica has synchronised and each Sentinel knows it and the other two.
	 */
	public static PrivateRedisSentinel start() {
		return new PrivateRedisSentinel();
	}

	/** The {@code redis-sentinel://} URI of the primary, through the three Sentinels. */
	public String uri() {
		StringBuilder uri = new StringBuilder("redis-sentinel://");
		for (int i = 0; i < this.sentinels.size(); i++) {
			uri.append((i > 0) ? "," : "").append("127.0.0.1:").append(this.sentinels.get(i).port());
		}
		return uri.append("#").append(PRIMARY_NAME).toString();
	}

	/** The Sentinels' addresses, {@code 127.0.0.1:PORT,...}, as {@code spring.data.redis.sentinel.nodes} takes them. */
	public String sentinelNodes() {
		return String.join(",", this.sentinels.stream().map((sentinel) -> "127.0.0.1:" + sentinel.port()).toList());
	}

	/**
	 * Kills (as a crash) the current primary, as the Sentinels name it, and returns its port.
	 *
	 * @return the port the primary listened on
	 * @throws InterruptedException if interrupted while it dies
	 */
	public int killPrimary() throws InterruptedException {
		int port = primaryPort();
		for (RedisServers.Started node : this.data) {
			if (node.port() == port) {
				RedisServers.kill(node.process());
				return port;
			}
		}
		throw new IllegalStateException("The primary is not one of this set-up's servers");
	}

	/** The port of the primary the Sentinels name now. */
	public int primaryPort() {
		String[] address = RedisServers.cli(List.of("-p", Integer.toString(this.sentinels.get(0).port()), "sentinel",
				"get-master-addr-by-name", PRIMARY_NAME)).trim().split("\\s+");
		return Integer.parseInt(address[address.length - 1]);
	}

	/**
	 * Whether the Sentinels have failed over from a killed primary: they name another one, and it serves as a primary.
	 *
	 * @param killedPort the port of the primary that was killed
	 * @return {@code true} once a new primary serves
	 */
	public boolean failedOverFrom(int killedPort) {
		int port = primaryPort();
		return port != killedPort
				&& RedisServers.cli(List.of("-p", Integer.toString(port), "role")).startsWith("master");
	}

	private void awaitSentinelsSeeEverything() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			boolean ready = this.sentinels.stream().allMatch((sentinel) -> {
				List<String> info = List.of(RedisServers.cli(List.of("-p", Integer.toString(sentinel.port()),
						"sentinel", "master", PRIMARY_NAME)).split("\n"));
				return value(info, "num-slaves").equals("1") && value(info, "num-other-sentinels").equals("2");
			}) && this.data.stream().allMatch((node) -> RedisServers.replicaInSync(node.port()));
			if (ready) {
				return;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("The Sentinels did not find the replica and each other within 30 s");
	}

	/** The value after a field's name in redis-cli's one-item-per-line answer. */
	private static String value(List<String> lines, String name) {
		for (int i = 0; i + 1 < lines.size(); i++) {
			if (lines.get(i).trim().equals(name)) {
				return lines.get(i + 1).trim();
			}
		}
		return "";
	}

	@Override
	public void close() {
		this.servers.close();
	}

}
