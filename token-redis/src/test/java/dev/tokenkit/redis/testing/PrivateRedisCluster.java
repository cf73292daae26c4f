package dev.tokenkit.redis.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Redis Cluster of the test's own: six redis-server processes on loopback ports (three primaries, three replicas,
 * a node timeout of one second so that a replica takes over within seconds, and a replica validity factor of 0 so that
 * it takes over however long ago it last heard from its primary), nothing on disk but their cluster files
 * in a temporary directory. Never the shared Redis. Without {@code /usr/bin/redis-server} the calling test is skipped,
 * unless {@code TOKENKIT_REQUIRE_REDIS=true} makes it fail.
 */
public final class PrivateRedisCluster implements AutoCloseable {

	private final RedisServers servers = new RedisServers();

	private final List<RedisServers.Started> nodes = new ArrayList<>();

	private PrivateRedisCluster() {
		String directory = this.servers.directory().toString();
		try {
			for (int i = 0; i < 6; i++) {
				this.nodes.add(this.servers.start(List.of("--port", "{port}", "--bind", "127.0.0.1", "--save", "",
						"--appendonly", "no", "--dir", directory, "--cluster-enabled", "yes", "--cluster-config-file",
						"nodes-{port}.conf", "--cluster-node-timeout", "1000",
						"--cluster-replica-validity-factor", "0", "--repl-diskless-sync-delay", "0"), "Ready to accept connections", true));
			}
			List<String> create = new ArrayList<>(List.of("--cluster", "create"));
			this.nodes.forEach((node) -> create.add("127.0.0.1:" + node.port()));
			create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
			RedisServers.cli(create);
			awaitClusterOk();
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/** Starts the cluster and waits until every node reports it ready and every replica has synchronised. */
	public static PrivateRedisCluster start() {
		return new PrivateRedisCluster();
	}

	/** The {@code redis://} URIs of every node, to seed a cluster client. */
	public List<String> seedUris() {
		return this.nodes.stream().map(RedisServers.Started::uri).toList();
	}

	/** The nodes' addresses, {@code 127.0.0.1:PORT,...}, as {@code spring.data.redis.cluster.nodes} takes them. */
	public String nodes() {
		return String.join(",", this.nodes.stream().map((node) -> "127.0.0.1:" + node.port()).toList());
	}

	/**
	 * Kills (as a crash) the primary that holds a key's slot, and returns its port.
	 *
	 * @param key the key whose primary dies
	 * @return the port the primary listened on
	 * @throws InterruptedException if interrupted while it dies
	 */
	public int killPrimaryOf(String key) throws InterruptedException {
		RedisServers.Started any = this.nodes.stream().filter((node) -> node.process().isAlive()).findFirst()
			.orElseThrow();
		int slot = Integer.parseInt(RedisServers.cli(List.of("-p", Integer.toString(any.port()), "cluster",
				"keyslot", key)).trim());
		for (String line : RedisServers.cli(List.of("-p", Integer.toString(any.port()), "cluster", "nodes"))
			.split("\n")) {
			String[] fields = line.trim().split(" ");
			if (fields.length > 8 && fields[2].contains("master") && !fields[2].contains("fail")
					&& holds(fields, slot)) {
				int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
				for (RedisServers.Started node : this.nodes) {
					if (node.port() == port) {
						RedisServers.kill(node.process());
						return port;
					}
				}
			}
		}
		throw new IllegalStateException("No live primary holds slot " + slot);
	}

	/**
	 * Whether a live primary holds a key's slot, as a surviving node sees the cluster: after a kill, whether the
	 * cluster has failed over.
	 *
	 * @param key the key
	 * @return {@code true} once a primary that is up serves the key's slot
	 */
	public boolean servesSlotOf(String key) {
		List<Integer> live = this.nodes.stream().filter((node) -> node.process().isAlive())
			.map(RedisServers.Started::port).toList();
		String any = Integer.toString(live.get(0));
		int slot = Integer.parseInt(RedisServers.cli(List.of("-p", any, "cluster", "keyslot", key)).trim());
		for (String line : RedisServers.cli(List.of("-p", any, "cluster", "nodes")).split("\n")) {
			String[] fields = line.trim().split(" ");
			if (fields.length > 8 && fields[2].contains("master") && !fields[2].contains("fail")
					&& holds(fields, slot)) {
				int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
				return live.contains(port);
			}
		}
		return false;
	}

	private static boolean holds(String[] fields, int slot) {
		for (int i = 8; i < fields.length; i++) {
			String[] range = fields[i].split("-");
			if (range[0].startsWith("[")) {
				continue;
			}
			int from = Integer.parseInt(range[0]);
			int to = (range.length > 1) ? Integer.parseInt(range[1]) : from;
			if (slot >= from && slot <= to) {
				return true;
			}
		}
		return false;
	}

	private void awaitClusterOk() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			boolean ok = this.nodes.stream().allMatch((node) -> RedisServers.cli(List.of("-p",
					Integer.toString(node.port()), "cluster", "info")).contains("cluster_state:ok"))
					&& this.nodes.stream().allMatch((node) -> RedisServers.replicaInSync(node.port()));
			if (ok) {
				return;
			}
			sleep();
		}
		throw new IllegalStateException("The cluster did not become ready within 30 s");
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.servers.close();
	}

}
