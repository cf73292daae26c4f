package dev.tokenkit.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;

/**
 * The key layout of a {@link RedisTokenStore} ({@code PREFIX token:HASH}, {@code PREFIX account:ID}) and each account's
 * index: the set of the hashes of its tokens, so that an account's tokens are read from one set rather than by a scan.
 * The store's design note says in which order the two keys of a token are written.
 */
final class AccountIndex {

	private final String tokenPrefix;

	private final String accountPrefix;

	private final String lifetimeMillis;

	AccountIndex(String keyPrefix, Duration maxTokenLifetime) {
		this.tokenPrefix = keyPrefix + "token:";
		this.accountPrefix = keyPrefix + "account:";
		this.lifetimeMillis = Long.toString(maxTokenLifetime.toMillis());
	}

	String tokenKey(TokenHash hash) {
		return this.tokenPrefix + hash.toHex();
	}

	/** Adds a token to its account's index, which is then kept at least as long as the longest token lives. */
	void add(RedisClusterCommands<String, String> redis, String accountId, TokenHash hash) {
		RedisScripts.INDEX.run(redis, ScriptOutputType.INTEGER, indexKey(accountId), hash.toHex(), this.lifetimeMillis);
	}

	void drop(RedisClusterCommands<String, String> redis, String accountId, TokenHash hash) {
		redis.srem(indexKey(accountId), hash.toHex());
	}

	/** Deletes every token the account's index names and owned by the account, then those entries; the count deleted. */
	int removeAll(RedisClusterCommands<String, String> redis, String accountId) {
		Set<String> named = redis.smembers(indexKey(accountId));
		int removed = 0;
		for (String hex : named) {
			Long deleted = RedisScripts.REMOVE_OWNED.run(redis, ScriptOutputType.INTEGER, this.tokenPrefix + hex,
					accountId);
			removed += (deleted != null) ? deleted.intValue() : 0;
		}
		if (!named.isEmpty()) {
			redis.srem(indexKey(accountId), named.toArray(String[]::new));
		}
		return removed;
	}

	/** The account's tokens the index names, unordered; entries naming no token of the account's are dropped. */
	List<TokenRecord> records(RedisClusterCommands<String, String> redis, String accountId) {
		List<TokenRecord> found = new ArrayList<>();
		for (String hex : redis.smembers(indexKey(accountId))) {
			Map<String, String> fields = redis.hgetall(this.tokenPrefix + hex);
			if (accountId.equals(fields.get("a"))) {
				found.add(RedisTokenFields.record(TokenHash.fromHex(hex), fields));
			}
			else {
				redis.srem(indexKey(accountId), hex);
			}
		}
		return found;
	}

	private String indexKey(String accountId) {
		return this.accountPrefix + accountId;
	}

}
