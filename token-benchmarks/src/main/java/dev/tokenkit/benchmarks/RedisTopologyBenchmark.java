package dev.tokenkit.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.redis.RedisTokenStore;
import dev.tokenkit.redis.testing.PrivateRedis;
import dev.tokenkit.redis.testing.PrivateRedisCluster;
import dev.tokenkit.redis.testing.PrivateRedisSentinel;

/**
 * Checks per second of one node (one token service, 8 threads, one opaque token in constant use, a one-minute touch
 * interval) on the three Redis set-ups the store runs on, each started by the benchmark on this machine's loopback
 * within the same run: a standalone Redis (the baseline), a primary through three Sentinels, and a six-node Redis
 * Cluster. Each check is one {@code HGETALL} on the token's key (a use is written back at most once a minute).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class RedisTopologyBenchmark extends BenchmarkSettings {

	@Param({ "standalone", "sentinel", "cluster" })
	private String topology;

	private @Nullable AutoCloseable servers;

	private RedisTokenStore store;

	private OpaqueTokenService tokens;

	private String token;

	/**
	 * Starts the set-up and issues the token.
	 */
	@Setup(Level.Trial)
	public void setUp() {
		this.store = switch (this.topology) {
			case "standalone" -> {
				PrivateRedis redis = PrivateRedis.start();
				this.servers = redis;
				yield RedisTokenStore.builder(redis.uri()).build();
			}
			case "sentinel" -> {
				PrivateRedisSentinel sentinel = PrivateRedisSentinel.start();
				this.servers = sentinel;
				yield RedisTokenStore.builder(sentinel.uri()).build();
			}
			default -> {
				PrivateRedisCluster cluster = PrivateRedisCluster.start();
				this.servers = cluster;
				yield RedisTokenStore.clusterBuilder(cluster.seedUris()).build();
			}
		};
		this.tokens = OpaqueTokenService.builder(this.store).touchInterval(Duration.ofMinutes(1)).build();
		this.token = this.tokens.issue(Fixtures.account(), TokenPolicy.ofIdle(Duration.ofHours(1))).value();
	}

	/**
	 * Stops the servers.
	 *
	 * @throws Exception if a server does not stop
	 */
	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		this.store.close();
		if (this.servers != null) {
			this.servers.close();
		}
	}

	/**
	 * One check of the token.
	 *
	 * @return its principal
	 */
	@Benchmark
	public TokenPrincipal check() {
		return this.tokens.authenticate(this.token);
	}

}
