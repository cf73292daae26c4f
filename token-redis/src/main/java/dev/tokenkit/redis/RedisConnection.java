package dev.tokenkit.redis;

import java.time.Duration;
import java.util.function.Function;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.StoreUnavailableException;

/**
 * The store's one Lettuce connection, opened on first use, and the client it comes from: a client the store made from
 * a URI (reconnecting every 250 ms, refusing commands at once while Redis is unreachable), which it shuts down on
 * close, or a client the app lent, of which it closes only its own connection. A command slower than the timeout or a
 * lost connection becomes a {@link StoreUnavailableException}; a failed script an {@link IllegalStateException}.
 */
final class RedisConnection implements AutoCloseable {

	private final RedisClient client;

	/** The client's resources when the store made the client itself, {@code null} when the app lent it. */
	private final @Nullable ClientResources ownResources;

	private final Duration timeout;

	private volatile @Nullable StatefulRedisConnection<String, String> connection;

	private RedisConnection(RedisClient client, @Nullable ClientResources ownResources, Duration timeout) {
		this.client = client;
		this.ownResources = ownResources;
		this.timeout = timeout;
	}

	/** A connection from a client made for the URI, owned by the store. */
	static RedisConnection to(RedisURI uri, Duration timeout) {
		ClientResources resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(250)))
			.build();
		RedisClient client = RedisClient.create(resources, RedisURI.builder(uri).withTimeout(timeout).build());
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.build());
		return new RedisConnection(client, resources, timeout);
	}

	/** A connection from the app's own client, which stays the app's. */
	static RedisConnection from(RedisClient client, Duration timeout) {
		return new RedisConnection(client, null, timeout);
	}

	/**
	 * Runs commands on the connection, opening it first if need be. While the connection is down (Lettuce reconnects
	 * by itself), commands are refused at once rather than queued, whatever the client's options say.
	 */
	<T> T run(Function<RedisCommands<String, String>, T> command) {
		try {
			StatefulRedisConnection<String, String> open = connection();
			if (!open.isOpen()) {
				throw new StoreUnavailableException(new RedisException("The Redis connection is down"));
			}
			return command.apply(open.sync());
		}
		catch (RedisCommandExecutionException ex) {
			throw new IllegalStateException("A tokenkit Redis script failed", ex);
		}
		catch (RedisException ex) {
			throw new StoreUnavailableException(ex);
		}
	}

	private StatefulRedisConnection<String, String> connection() {
		StatefulRedisConnection<String, String> open = this.connection;
		if (open != null) {
			return open;
		}
		synchronized (this) {
			if (this.connection == null) {
				StatefulRedisConnection<String, String> opened = this.client.connect();
				opened.setTimeout(this.timeout);
				this.connection = opened;
			}
			return this.connection;
		}
	}

	/** Closes the connection and, when the store made the client, the client and its threads. */
	@Override
	public void close() {
		StatefulRedisConnection<String, String> open = this.connection;
		if (open != null) {
			open.close();
		}
		if (this.ownResources != null) {
			this.client.shutdown();
			this.ownResources.shutdown();
		}
	}

}
