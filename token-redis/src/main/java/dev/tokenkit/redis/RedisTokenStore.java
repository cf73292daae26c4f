package dev.tokenkit.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;
import dev.tokenkit.core.store.TokenStore;

/**
 * A {@link TokenStore} in Redis 7 (standalone), shared by every node: each token's record is a hash under its
 * {@link TokenHash} whose TTL is its remaining life plus one minute (so an expired token is still told apart from an
 * unknown one, as with the other stores), and each account has a set of its tokens, so that {@link #removeAll(String)}
 * is one round trip per account rather than a scan. Every operation is one atomic Lua script or command (see
 * {@link RedisScripts}); {@link #touch(TokenHash, Instant)} moves a last use forward only while the token is alive.
 *
 * <p>One thread-safe Lettuce connection serves every request. It is opened on first use, so the app starts even while
 * Redis is down. Built from a URI, the store owns its client: it reconnects every 250 ms after a loss, and while Redis
 * is unreachable commands are refused at once rather than queued. Built on a client the app already has
 * ({@link #builder(RedisClient)}), it opens its one connection from that client, with that client's options and
 * resources, and closes only that connection. Either way any command slower than the timeout fails; failures become
 * a {@link StoreUnavailableException} (HTTP {@code 503}), and service resumes by itself once Redis answers again.
 *
 * @since 0.1.0
 */
public final class RedisTokenStore implements TokenStore, AutoCloseable {

	private static final Duration RETENTION_AFTER_EXPIRY = Duration.ofMinutes(1);

	private final RedisConnection redis;

	private final Clock clock;

	private final String tokenPrefix;

	private final String accountPrefix;

	private final Duration maxTokenLifetime;

	private RedisTokenStore(Builder builder) {
		this.redis = (builder.client != null) ? RedisConnection.from(builder.client, builder.timeout)
				: RedisConnection.to(Objects.requireNonNull(builder.uri), builder.timeout);
		this.clock = builder.clock;
		this.tokenPrefix = builder.keyPrefix + "token:";
		this.accountPrefix = builder.keyPrefix + "account:";
		this.maxTokenLifetime = builder.maxTokenLifetime;
	}

	/**
	 * Starts building a store on the Redis a URI names: {@code redis://[:password@]host[:port][/database]}, or
	 * {@code rediss://...} for TLS.
	 *
	 * @param redisUri the Redis URI
	 * @return a builder
	 * @throws IllegalArgumentException if the text is not a Redis URI; the message does not repeat it
	 */
	public static Builder builder(String redisUri) {
		Objects.requireNonNull(redisUri, "redisUri cannot be null");
		try {
			return new Builder(RedisURI.create(redisUri), null);
		}
		catch (IllegalArgumentException ex) {
			// Without the cause: its message quotes the URI, password and all.
			throw new IllegalArgumentException("Not a valid redis:// or rediss:// URI (it is not repeated here, as it "
					+ "may hold a password)");
		}
	}

	/**
	 * Starts building a store on a Lettuce client the app already has (its Redis, options, TLS and resources): the store
	 * opens one connection from it, to the client's own {@link RedisURI}, and closes only that connection.
	 *
	 * @param client the app's client, connected to a standalone Redis
	 * @return a builder
	 */
	public static Builder builder(RedisClient client) {
		return new Builder(null, Objects.requireNonNull(client, "client cannot be null"));
	}

	@Override
	public boolean saveIfAbsent(TokenRecord record) {
		TokenPrincipal principal = record.principal();
		Long saved = this.redis.run((redis) -> redis.eval(RedisScripts.SAVE, ScriptOutputType.INTEGER,
				new String[] { tokenKey(record.hash()), this.accountPrefix + principal.accountId() },
				principal.accountId(), principal.username(), String.join(",", new TreeSet<>(principal.authorities())),
				millis(record.issuedAt()), millis(record.lastUsedAt()), Long.toString(record.idleTimeout().toMillis()),
				millis(record.expiresAt()), ttl(record), Long.toString(this.maxTokenLifetime.toMillis()),
				record.hash().toHex()));
		return saved != null && saved != 0;
	}

	@Override
	public @Nullable TokenRecord find(TokenHash hash) {
		Map<String, String> fields = this.redis.run((redis) -> redis.hgetall(tokenKey(hash)));
		if (fields == null || fields.isEmpty()) {
			return null;
		}
		return record(hash, fields.get("a"), fields.get("u"), fields.get("r"), fields.get("i"), fields.get("l"),
				fields.get("d"), fields.get("e"));
	}

	@Override
	public void touch(TokenHash hash, Instant usedAt) {
		this.redis.run((redis) -> redis.eval(RedisScripts.TOUCH, ScriptOutputType.INTEGER, new String[] { tokenKey(hash) },
				millis(usedAt), Long.toString(RETENTION_AFTER_EXPIRY.toMillis()), Long.toString(this.clock.millis())));
	}

	@Override
	public boolean remove(TokenHash hash) {
		Long removed = this.redis.run((redis) -> redis.eval(RedisScripts.REMOVE, ScriptOutputType.INTEGER,
				new String[] { tokenKey(hash) }, this.accountPrefix, hash.toHex()));
		return removed != null && removed > 0;
	}

	@Override
	public int removeAll(String accountId) {
		Long removed = this.redis.run((redis) -> redis.eval(RedisScripts.REMOVE_ALL, ScriptOutputType.INTEGER,
				new String[] { this.accountPrefix + accountId }, this.tokenPrefix));
		return (removed != null) ? removed.intValue() : 0;
	}

	@Override
	public List<TokenRecord> findByAccount(String accountId) {
		List<Object> flat = this.redis.run((redis) -> redis.eval(RedisScripts.FIND_BY_ACCOUNT, ScriptOutputType.MULTI,
				new String[] { this.accountPrefix + accountId }, this.tokenPrefix));
		List<TokenRecord> records = new ArrayList<>();
		for (int i = 0; flat != null && i + 8 <= flat.size(); i += 8) {
			List<String> v = flat.subList(i, i + 8).stream().map(String::valueOf).toList();
			records.add(record(TokenHash.fromHex(v.get(0)), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6),
					v.get(7)));
		}
		records.sort(Comparator.comparing(TokenRecord::issuedAt).thenComparing((r) -> r.hash().toHex()));
		return records;
	}

	/** Closes the connection and, when the store made its client itself, the client and its threads. */
	@Override
	public void close() {
		this.redis.close();
	}

	/** The key's TTL: the record's remaining life by this store's clock, plus the retention, at least 1 ms. */
	private String ttl(TokenRecord record) {
		long remaining = Duration.between(this.clock.instant(), record.deadline().plus(RETENTION_AFTER_EXPIRY)).toMillis();
		return Long.toString(Math.max(1, remaining));
	}

	private String tokenKey(TokenHash hash) {
		return this.tokenPrefix + hash.toHex();
	}

	private static String millis(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

	private static TokenRecord record(TokenHash hash, String account, String username, String authorities,
			String issued, String last, String idle, String expires) {
		Set<String> names = Arrays.stream(authorities.split(",")).filter((a) -> !a.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
		return new TokenRecord(hash, new TokenPrincipal(account, username, names),
				Instant.ofEpochMilli(Long.parseLong(issued)), Instant.ofEpochMilli(Long.parseLong(last)),
				Duration.ofMillis(Long.parseLong(idle)), Instant.ofEpochMilli(Long.parseLong(expires)));
	}

	/**
	 * Builds a {@link RedisTokenStore}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final @Nullable RedisURI uri;

		private final @Nullable RedisClient client;

		private Clock clock = Clock.systemUTC();

		private Duration timeout = Duration.ofSeconds(2);

		private String keyPrefix = "tokenkit:";

		private Duration maxTokenLifetime = Duration.ofHours(24);

		private Builder(@Nullable RedisURI uri, @Nullable RedisClient client) {
			this.uri = uri;
			this.client = client;
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
