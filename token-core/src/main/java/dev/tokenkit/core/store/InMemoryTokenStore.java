package dev.tokenkit.core.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Interner;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.tokenkit.core.TokenPrincipal;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TokenStore} in this JVM's memory, on a Caffeine cache with per-entry variable expiry: each token's entry is
 * dropped {@link #RETENTION_AFTER_EXPIRY} after its own {@link TokenRecord#deadline() deadline}, and Caffeine's timer
 * wheel reclaims dropped entries as the store is written to (reads are quiet), without scanning the whole store. The
 * short retention lets the token service tell an expired token from an unknown one, as it can with a JDBC store
 * before its purge. The upkeep runs on the calling threads, in small steps, so no background thread is needed.
 * Records of one account share one principal object: with several live tokens per account a token costs under 200
 * bytes of heap.
 *
 * <p>For one node: tokens do not survive a restart and are not shared. {@link #removeAll(String)} and
 * {@link #findByAccount(String)} scan every entry, which is fine for the rare calls that need them.
 *
 * @since 0.1.0
 */
public final class InMemoryTokenStore implements TokenStore {

	/** How long an entry is kept after its deadline: one minute. */
	public static final Duration RETENTION_AFTER_EXPIRY = Duration.ofMinutes(1);

	private final Cache<TokenHash, TokenRecord> tokens;

	/** One principal object per account among the stored records, rather than one per token. */
	private final Interner<TokenPrincipal> principals = Interner.newWeakInterner();

	/** Creates a store on the system clock. */
	public InMemoryTokenStore() {
		this(Clock.systemUTC());
	}

	/**
	 * Creates a store on the given clock, which must be the clock the token service using it is built with.
	 *
	 * @param clock tells the store when entries expire
	 */
	public InMemoryTokenStore(Clock clock) {
		Objects.requireNonNull(clock, "clock cannot be null");
		this.tokens = Caffeine.newBuilder()
			.ticker(() -> clock.millis() * 1_000_000L)
			.expireAfter(new DeadlineExpiry())
			.executor(Runnable::run)
			.build();
	}

	@Override
	public void save(TokenRecord record) {
		Objects.requireNonNull(record, "record cannot be null");
		TokenPrincipal principal = this.principals.intern(record.principal());
		this.tokens.put(record.hash(), (principal == record.principal()) ? record : record.withPrincipal(principal));
	}

	@Override
	public boolean saveIfAbsent(TokenRecord record) {
		Objects.requireNonNull(record, "record cannot be null");
		TokenPrincipal principal = this.principals.intern(record.principal());
		TokenRecord interned = (principal == record.principal()) ? record : record.withPrincipal(principal);
		// Caffeine's map view counts an entry past its deadline as absent, as find() does.
		return this.tokens.asMap().putIfAbsent(record.hash(), interned) == null;
	}

	@Override
	public @Nullable TokenRecord find(TokenHash hash) {
		// Quietly: reads move no deadline and the cache has no size bound, so a read has nothing to record.
		return this.tokens.policy().getIfPresentQuietly(hash);
	}

	@Override
	public void touch(TokenHash hash, Instant usedAt) {
		this.tokens.asMap()
			.computeIfPresent(hash, (key, record) -> (record.isAliveAt(usedAt) && record.lastUsedAt().isBefore(usedAt))
					? record.withLastUsedAt(usedAt) : record);
	}

	@Override
	public boolean remove(TokenHash hash) {
		return this.tokens.asMap().remove(hash) != null;
	}

	@Override
	public int removeAll(String accountId) {
		int removed = 0;
		for (Map.Entry<TokenHash, TokenRecord> entry : this.tokens.asMap().entrySet()) {
			// A token never changes account, so remove by key: a touch that replaced the record meanwhile must not save it.
			if (entry.getValue().principal().accountId().equals(accountId)
					&& this.tokens.asMap().remove(entry.getKey()) != null) {
				removed++;
			}
		}
		return removed;
	}

	@Override
	public List<TokenRecord> findByAccount(String accountId) {
		return this.tokens.asMap()
			.values()
			.stream()
			.filter((record) -> record.principal().accountId().equals(accountId))
			.sorted(Comparator.comparing(TokenRecord::issuedAt).thenComparing((record) -> record.hash().toHex()))
			.toList();
	}

	/** Drops each entry a little after its record's deadline; a read does not move the deadline, a touch does. */
	private static final class DeadlineExpiry implements Expiry<TokenHash, TokenRecord> {

		@Override
		public long expireAfterCreate(TokenHash key, TokenRecord record, long currentTime) {
			long dropAtMillis = record.deadlineMillis() + RETENTION_AFTER_EXPIRY.toMillis();
			if (dropAtMillis > Long.MAX_VALUE / 1_000_000L) {
				return Long.MAX_VALUE;
			}
			return Math.max(0, dropAtMillis * 1_000_000L - currentTime);
		}

		@Override
		public long expireAfterUpdate(TokenHash key, TokenRecord record, long currentTime, long currentDuration) {
			return expireAfterCreate(key, record, currentTime);
		}

		@Override
		public long expireAfterRead(TokenHash key, TokenRecord record, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
