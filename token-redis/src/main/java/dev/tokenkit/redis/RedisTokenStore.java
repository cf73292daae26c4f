package dev.tokenkit.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.RedisClusterClient;
import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;
import dev.tokenkit.core.store.TokenStore;

/**
 * A {@link TokenStore} in Redis 7, shared by every node: a standalone Redis, a primary with Sentinel failover
 * ({@code redis-sentinel://}), or a Redis Cluster ({@link #clusterBuilder(List)}). Each token's record is a hash under
 * its {@link TokenHash} whose TTL is its remaining life plus one minute (so an expired token is still told apart from
 * an unknown one, as with the other stores), and each account has a set of its tokens, so that
 * {@link #removeAll(String)} reads one set rather than scanning. A check is one {@code HGETALL}; every other operation
 * is a command or a Lua script run by its SHA-1 ({@link RedisScripts}), each on one key, so that the store runs on a
 * cluster where a token and its account's set live in different slots. {@link #touch(TokenHash, Instant)} moves a last
 * use forward only while the token is alive.
 *
 * <p>Design note: the two keys of a token are written in an order that keeps revocation complete without a
 * transaction across them. A save adds the hash to the account's set and then writes the token; a removal deletes the
 * token and then its set entry; a revoke-all reads the set and deletes every token it names. So a saved token is always
 * in its account's set, and a set entry without a token (left by a failure between the two steps) is skipped and
 * cleaned. Commands go to primaries only: a replica may lag behind a revoke.
 *
 * <p>One thread-safe Lettuce connection serves every request. It is opened on first use, so the app starts even while
 * Redis is down. Built from URIs, the store owns its client: it reconnects every 250 ms after a loss (a cluster client
 * also refreshes its topology every second and on every redirect), and while Redis is unreachable commands are refused
 * at once rather than queued. Built on a client the app already has ({@link #builder(RedisClient)},
 * {@link #builder(RedisClusterClient)}), it opens its one connection from that client, with that client's options and
 * resources, and closes only that connection. Either way any command slower than the timeout fails; failures, and the
 * refusals of a Redis in failover, become a {@link StoreUnavailableException} (HTTP {@code 503}), and service resumes
 * by itself once Redis answers again.
 *
 * @since 0.1.0
 */
public final class RedisTokenStore implements TokenStore, AutoCloseable {

	private static final Duration RETENTION_AFTER_EXPIRY = Duration.ofMinutes(1);

	private final RedisConnection redis;

	private final Clock clock;

	private final AccountIndex index;

	private final String throttlePrefix;

	private RedisTokenStore(Builder builder) {
		this.redis = builder.connection.apply(builder.timeout);
		this.clock = builder.clock;
		this.index = new AccountIndex(builder.keyPrefix, builder.maxTokenLifetime);
		this.throttlePrefix = builder.keyPrefix + "throttle:";
	}

	/**
	 * Starts building a store on the Redis a URI names: {@code redis://[:password@]host[:port][/database]},
	 * {@code rediss://...} for TLS, or {@code redis-sentinel://[:password@]host:port[,host:port...][/database]#primary}
	 * for the primary a set of Sentinels names (after a failover the store reconnects to the new primary).
	 *
	 * @param redisUri the Redis URI
	 * @return a builder
	 * @throws IllegalArgumentException if the text is not a Redis URI; the message does not repeat it
	 */
	public static Builder builder(String redisUri) {
		RedisURI uri = RedisConnection.uri(redisUri);
		return new Builder((timeout) -> RedisConnection.to(uri, timeout));
	}

	/**
	 * Starts building a store on a Redis Cluster, from the {@code redis://} or {@code rediss://} URIs of some of its
	 * nodes; the client finds the others, and follows failovers by refreshing its view of the cluster.
	 *
	 * @param seedUris the URIs of one or more of the cluster's nodes
	 * @return a builder
	 * @throws IllegalArgumentException if a text is not a Redis URI, or none is given; the message does not repeat it
	 */
	public static Builder clusterBuilder(List<String> seedUris) {
		if (seedUris.isEmpty()) {
			throw new IllegalArgumentException("A Redis Cluster needs the URI of at least one of its nodes");
		}
		List<RedisURI> seeds = seedUris.stream().map(RedisConnection::uri).toList();
		return new Builder((timeout) -> RedisConnection.toCluster(seeds, timeout));
	}

	/**
	 * Starts building a store on a Lettuce client the app already has (its Redis or Sentinels, options, TLS and
	 * resources): the store opens one connection from it, to the client's own {@link RedisURI}, and closes only that
	 * connection.
	 *
	 * @param client the app's client, to a standalone Redis or a primary through Sentinel
	 * @return a builder
	 */
	public static Builder builder(RedisClient client) {
		Objects.requireNonNull(client, "client cannot be null");
		return new Builder((timeout) -> RedisConnection.from(client, timeout));
	}

	/**
	 * Starts building a store on a Lettuce cluster client the app already has: the store opens one connection from it
	 * and closes only that connection.
	 *
	 * @param client the app's cluster client
	 * @return a builder
	 */
	public static Builder builder(RedisClusterClient client) {
		Objects.requireNonNull(client, "client cannot be null");
		return new Builder((timeout) -> RedisConnection.from(client, timeout));
	}

	/** Adds the hash to the account's index first, then saves the token: a revoke-all never misses a saved token. */
	@Override
	public boolean saveIfAbsent(TokenRecord record) {
		return this.redis.run((redis) -> {
			this.index.add(redis, record.principal().accountId(), record.hash());
			String[] fields = RedisTokenFields.saveArguments(record, ttlMillis(record));
			Long saved = RedisScripts.SAVE.run(redis, ScriptOutputType.INTEGER, this.index.tokenKey(record.hash()), fields);
			return saved != null && saved != 0;
		});
	}

	@Override
	public @Nullable TokenRecord find(TokenHash hash) {
		Map<String, String> fields = this.redis.run((redis) -> redis.hgetall(this.index.tokenKey(hash)));
		if (fields == null || fields.isEmpty()) {
			return null;
		}
		return RedisTokenFields.record(hash, fields);
	}

	@Override
	public void touch(TokenHash hash, Instant usedAt) {
		this.redis.run((redis) -> RedisScripts.TOUCH.run(redis, ScriptOutputType.INTEGER, this.index.tokenKey(hash),
				RedisTokenFields.millis(usedAt), Long.toString(RETENTION_AFTER_EXPIRY.toMillis()),
				Long.toString(this.clock.millis())));
	}

	/** Deletes the token, then its entry in the account's index (an entry left behind names no token, and is skipped). */
	@Override
	public boolean remove(TokenHash hash) {
		return this.redis.run((redis) -> {
			String account = RedisScripts.REMOVE.run(redis, ScriptOutputType.VALUE, this.index.tokenKey(hash));
			if (account == null) {
				return false;
			}
			this.index.drop(redis, account, hash);
			return true;
		});
	}

	/**
	 * Deletes every token of the account that its index names, then those entries (not the whole set: a token saved
	 * meanwhile keeps its entry). A token saved concurrently is either in the index already (its hash is added before
	 * it is saved) and deleted here, or saved after this call read the index, which places its issue after the
	 * revoke-all; either way every saved token stays named by its account's index. An entry naming another account's
	 * token (a save refused as a duplicate) deletes nothing.
	 */
	@Override
	public int removeAll(String accountId) {
		return this.redis.run((redis) -> this.index.removeAll(redis, accountId));
	}

	@Override
	public List<TokenRecord> findByAccount(String accountId) {
		List<TokenRecord> records = this.redis.run((redis) -> this.index.records(redis, accountId));
		records.sort(Comparator.comparing(TokenRecord::issuedAt).thenComparing((r) -> r.hash().toHex()));
		return records;
	}

	/**
	 * Counts of failed logins and attempts in flight in this store's Redis, under {@code PREFIX throttle:}, for a login
	 * throttle that every node on it shares.
	 *
	 * @return the counts, on this store's connection and clock
	 */
	public RedisLoginAttempts loginAttempts() {
		return new RedisLoginAttempts(this.redis, this.throttlePrefix, this.clock);
	}

	/** Closes the connection and, when the store made its client itself, the client and its threads. */
	@Override
	public void close() {
		this.redis.close();
	}

	/** The key's TTL: the record's remaining life by this store's clock, plus the retention, at least 1 ms. */
	private long ttlMillis(TokenRecord record) {
		return Math.max(1, Duration.between(this.clock.instant(), record.deadline().plus(RETENTION_AFTER_EXPIRY))
			.toMillis());
	}

	/**
	 * Builds a {@link RedisTokenStore}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final Function<Duration, RedisConnection> connection;

		private Clock clock = Clock.systemUTC();

		private Duration timeout = Duration.ofSeconds(2);

		private String keyPrefix = "tokenkit:";

		private Duration maxTokenLifetime = Duration.ofHours(24);

		private Builder(Function<Duration, RedisConnection> connection) {
			this.connection = connection;
		}

		/**
		 * The clock TTLs are computed with: the token service's. Default: {@link Clock#systemUTC()}.
		 *
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock cannot be null");
			return this;
		}

		/**
		 * How long a command may take before the store counts as unavailable. Default: 2 seconds.
		 *
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = Objects.requireNonNull(timeout, "timeout cannot be null");
			return this;
		}

		/**
		 * The prefix of every key, to share a Redis database with other data. Default: {@code tokenkit:}.
		 *
		 * @param keyPrefix the prefix
		 * @return this builder
		 */
		public Builder keyPrefix(String keyPrefix) {
			this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix cannot be null");
			return this;
		}

		/**
		 * The longest any token lives, which is how long an account's index is kept after its last token was saved.
		 * Default: 24 hours.
		 *
		 * @param maxTokenLifetime the longest lifetime
		 * @return this builder
		 */
		public Builder maxTokenLifetime(Duration maxTokenLifetime) {
			this.maxTokenLifetime = Objects.requireNonNull(maxTokenLifetime, "maxTokenLifetime cannot be null");
			return this;
		}

		/**
		 * Builds the store; it connects on first use.
		 *
		 * @return the store
		 */
		public RedisTokenStore build() {
			return new RedisTokenStore(this);
		}

	}

}
