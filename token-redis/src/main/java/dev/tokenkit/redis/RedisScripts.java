package dev.tokenkit.redis;

/**
 * The Lua scripts that make each {@link RedisTokenStore} operation one atomic round trip. A token is a hash under
 * {@code PREFIX token:HEX} with fields {@code a} (account id), {@code u} (username), {@code r} (authorities),
 * {@code i} (issued), {@code l} (last use), {@code d} (idle timeout) and {@code e} (expiry), all milliseconds; an
 * account's tokens are the set {@code PREFIX account:ID} of their hashes.
 */
final class RedisScripts {

	/** KEYS: token, index. ARGV: a, u, r, i, l, d, e, token TTL, index TTL, hash. 0 when the token already exists. */
	static final String SAVE = """
			if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
			redis.call('HSET', KEYS[1], 'a', ARGV[1], 'u', ARGV[2], 'r', ARGV[3], 'i', ARGV[4], 'l', ARGV[5],
				'd', ARGV[6], 'e', ARGV[7])
			redis.call('PEXPIRE', KEYS[1], ARGV[8])
			redis.call('SADD', KEYS[2], ARGV[10])
			if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[9]) then redis.call('PEXPIRE', KEYS[2], ARGV[9]) end
			return 1
			""";

	/**
	 * KEYS: token. ARGV: used at, retention after the deadline, the store clock's now (epoch milliseconds). Moves the
	 * last use forward only while the token is alive, and its TTL to the new deadline plus the retention.
	 */
	static final String TOUCH = """
			local v = redis.call('HMGET', KEYS[1], 'l', 'd', 'e')
			if not v[1] then return 0 end
			local last, idle, expires, now = tonumber(v[1]), tonumber(v[2]), tonumber(v[3]), tonumber(ARGV[1])
			if last < now and last + idle > now and expires > now then
				redis.call('HSET', KEYS[1], 'l', ARGV[1])
				local ttl = math.min(now + idle, expires) + tonumber(ARGV[2]) - tonumber(ARGV[3])
				redis.call('PEXPIRE', KEYS[1], string.format('%d', math.max(1, ttl)))
				return 1
			end
			return 0
			""";

	/** KEYS: token. ARGV: index prefix, hash. */
	static final String REMOVE = """
			local account = redis.call('HGET', KEYS[1], 'a')
			if not account then return 0 end
			redis.call('DEL', KEYS[1])
			redis.call('SREM', ARGV[1] .. account, ARGV[2])
			return 1
			""";

	/** KEYS: index. ARGV: token prefix. Removes every token of the account in one round trip. */
	static final String REMOVE_ALL = """
			local removed = 0
			for _, hash in ipairs(redis.call('SMEMBERS', KEYS[1])) do
				removed = removed + redis.call('DEL', ARGV[1] .. hash)
			end
			redis.call('DEL', KEYS[1])
			return removed
			""";

	/** KEYS: index. ARGV: token prefix. Returns hash, a, u, r, i, l, d, e for each live token; drops dead entries. */
	static final String FIND_BY_ACCOUNT = """
			local found = {}
			for _, hash in ipairs(redis.call('SMEMBERS', KEYS[1])) do
				local v = redis.call('HMGET', ARGV[1] .. hash, 'a', 'u', 'r', 'i', 'l', 'd', 'e')
				if v[1] then
					table.insert(found, hash)
					for n = 1, 7 do table.insert(found, v[n]) end
				else
					redis.call('SREM', KEYS[1], hash)
				end
			end
			return found
			""";

	private RedisScripts() {
	}

}
