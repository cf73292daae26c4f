package dev.tokenkit.redis;

import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.cluster.RedisClusterClient;
import org.jspecify.annotations.Nullable;

/**
 * A cluster client's view of which node serves which slot, refreshed on request at most once a second: the store asks
 * after a command fails as unavailable, so that it finds a new primary after a failover even on an app's client
 * whose own refresh is off or held back. The refresh runs in the background; the failing command is not retried.
 */
final class ClusterTopology {

	/** No cluster: nothing to refresh. */
	static final ClusterTopology NONE = new ClusterTopology(null);

	private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

	private final @Nullable RedisClusterClient client;

	private final AtomicLong lastRefresh = new AtomicLong(System.nanoTime() - MIN_INTERVAL_NANOS);

	ClusterTopology(@Nullable RedisClusterClient client) {
		this.client = client;
	}

	/** Starts a refresh unless one started within the last second. */
	void refreshSoon() {
		if (this.client == null) {
			return;
		}
		long now = System.nanoTime();
		long last = this.lastRefresh.get();
		if (now - last >= MIN_INTERVAL_NANOS && this.lastRefresh.compareAndSet(last, now)) {
			this.client.refreshPartitionsAsync().exceptionally((failure) -> null);
		}
	}

}
