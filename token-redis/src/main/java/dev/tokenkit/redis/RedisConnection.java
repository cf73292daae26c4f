package dev.tokenkit.redis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.StoreUnavailableException;

/**
 * The store's one Lettuce connection, opened on first use, to a standalone Redis, a primary found through Sentinel, or
 * a Redis Cluster, and the client it comes from: a client the store made itself (reconnecting every 250 ms; a
 * standalone or Sentinel client refuses commands at once while Redis is unreachable, a cluster client holds them for at
 * most the timeout while it reconnects a node, and refreshes its topology every second besides Lettuce's own refresh on
 * redirects and lost nodes), which it shuts down on close, or a client the app lent, of which it closes only its own
 * connection. On a cluster, a command that fails as unavailable also asks the client to refresh its topology (at most
 * once a second), so that a failover is noticed however the app's client is configured: its own refresh may be off, or
 * held back for half a minute after an adaptive refresh that came before the new primary. Commands go to primaries
 * only: a Sentinel connection is the primary's, and a cluster connection reads from primaries, as Lettuce does by
 * default, so that a read never lags behind a revoke on a replica. A command slower than the timeout, a lost connection
 * or a refusal of a Redis in failover ({@code CLUSTERDOWN}, {@code READONLY}, ...) becomes a
 * {@link StoreUnavailableException}; any other failed command an {@link IllegalStateException}.
 */
final class RedisConnection implements AutoCloseable {

	/** The error codes of a Redis that cannot serve a command for now (an outage, not a fault of the command). */
	private static final List<String> UNAVAILABLE = List.of("CLUSTERDOWN", "TRYAGAIN", "LOADING", "MASTERDOWN",
			"READONLY", "NOREPLICAS", "MOVED", "ASK");

	private final Supplier<Open> opener;

	/** Shuts down the client when the store made it itself; nothing when the app lent it. */
	private final Runnable shutdown;

	private volatile @Nullable Open open;

	private RedisConnection(Supplier<Open> opener, Runnable shutdown) {
		this.opener = opener;
		this.shutdown = shutdown;
	}

	/** The URI a text names; a text that is none is refused without being repeated, as it may hold a password. */
	static RedisURI uri(String redisUri) {
		Objects.requireNonNull(redisUri, "redisUri cannot be null");
		try {
			return RedisURI.create(redisUri);
		}
		catch (IllegalArgumentException ex) {
			// Without the cause: its message quotes the URI, password and all.
			throw new IllegalArgumentException("Not a valid redis://, rediss:// or redis-sentinel:// URI (it is not "
					+ "repeated here, as it may hold a password)");
		}
	}

	/**
	 * A connection from a client made for the URI ({@code redis://}, {@code rediss://}, {@code redis-sentinel://}),
	 * which this method gives the timeout.
	 */
	static RedisConnection to(RedisURI uri, Duration timeout) {
		ClientResources resources = resources();
		uri.setTimeout(timeout);
		RedisClient client = RedisClient.create(resources, uri);
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.build());
		return new RedisConnection(() -> standalone(client, timeout), () -> {
			client.shutdown();
			resources.shutdown();
		});
	}

	/** A connection from a cluster client made for the seed URIs, which this method gives the timeout. */
	static RedisConnection toCluster(List<RedisURI> seeds, Duration timeout) {
		ClientResources resources = resources();
		seeds.forEach((seed) -> seed.setTimeout(timeout));
		RedisClusterClient client = RedisClusterClient.create(resources, seeds);
		// Commands wait for a node's connection (opened on its first command, or again after a loss) rather than being
		// refused: a cluster connection opens its node connections lazily. The command timeout still bounds the wait.
		client.setOptions(ClusterClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
				.enablePeriodicRefresh(Duration.ofSeconds(1))
				.adaptiveRefreshTriggersTimeout(Duration.ofMillis(500))
				.build())
			.build());
		return new RedisConnection(() -> cluster(client, timeout), () -> {
			client.shutdown();
			resources.shutdown();
		});
	}

	/** A connection from the app's own client (standalone or Sentinel), which stays the app's. */
	static RedisConnection from(RedisClient client, Duration timeout) {
		return new RedisConnection(() -> standalone(client, timeout), () -> {
		});
	}

	/** A connection from the app's own cluster client, which stays the app's. */
	static RedisConnection from(RedisClusterClient client, Duration timeout) {
		return new RedisConnection(() -> cluster(client, timeout), () -> {
		});
	}

	private static ClientResources resources() {
		return ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(250))).build();
	}

	private static Open standalone(RedisClient client, Duration timeout) {
		StatefulRedisConnection<String, String> connection = client.connect();
		connection.setTimeout(timeout);
		return new Open(connection, connection.sync(), true, ClusterTopology.NONE);
	}

	private static Open cluster(RedisClusterClient client, Duration timeout) {
		StatefulRedisClusterConnection<String, String> connection = client.connect();
		connection.setTimeout(timeout);
		return new Open(connection, connection.sync(), false, new ClusterTopology(client));
	}

	/**
	 * Runs commands on the connection, opening it first if need be. While a standalone or Sentinel connection is down
	 * (Lettuce reconnects by itself), commands are refused at once rather than queued, whatever the client's options
	 * say; a cluster connection's commands wait for their node, within the timeout.
	 */
	<T> T run(Function<RedisClusterCommands<String, String>, T> command) {
		Open current = null;
		try {
			current = open();
			if (current.refusesWhileDown() && !current.connection().isOpen()) {
				throw new StoreUnavailableException(new RedisException("The Redis connection is down"));
			}
			return command.apply(current.commands());
		}
		catch (RedisCommandExecutionException ex) {
			if (isUnavailable(ex)) {
				throw unavailable(current, ex);
			}
			throw new IllegalStateException("A tokenkit Redis command failed", ex);
		}
		catch (RedisException ex) {
			throw unavailable(current, ex);
		}
	}

	/** The failure to throw for a command Redis could not serve, after asking a cluster client to look again. */
	private static StoreUnavailableException unavailable(@Nullable Open current, RedisException failure) {
		if (current != null) {
			current.topology().refreshSoon();
		}
		return new StoreUnavailableException(failure);
	}

	/**
	 * Whether Redis refused a command because it cannot serve it now, as during a failover: the cluster is down or a
	 * slot is moving, the server is loading or has lost its primary, or it is a replica now (the old primary).
	 */
	private static boolean isUnavailable(RedisCommandExecutionException refusal) {
		String message = String.valueOf(refusal.getMessage());
		return UNAVAILABLE.stream().anyMatch(message::startsWith);
	}

	private Open open() {
		Open current = this.open;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (this.open == null) {
				this.open = this.opener.get();
			}
			return this.open;
		}
	}

	/** Closes the connection and, when the store made the client, the client and its threads. */
	@Override
	public void close() {
		Open current = this.open;
		if (current != null) {
			current.connection().close();
		}
		this.shutdown.run();
	}

	/**
	 * An open connection and its synchronous commands, the same for standalone, Sentinel and cluster; whether a command
	 * is refused at once while the connection is down (not for a cluster, whose connection stands for many nodes); and
	 * the cluster topology to refresh after a failure (none for standalone and Sentinel).
	 */
	private record Open(StatefulConnection<String, String> connection, RedisClusterCommands<String, String> commands,
			boolean refusesWhileDown, ClusterTopology topology) {
	}

}
