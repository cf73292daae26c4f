package dev.tokenkit.redis;

/**
 * The Lua scripts of {@link RedisTokenStore}, each atomic on its one key. A token is a hash under
 * {@code PREFIX token:HEX} with fields {@code a} (account id), {@code u} (username), {@code r} (authorities),
 * {@code i} (issued), {@code l} (last use), {@code d} (idle timeout) and {@code e} (expiry), all milliseconds, and
 * {@code o} (the issuing dialect) and {@code c} (the client's label); an
 * account's tokens are the set {@code PREFIX account:ID} of their hashes. The two keys of a token may sit on different
 * cluster nodes, so no script touches both: the store orders its calls instead (see {@link RedisTokenStore}).
 */
final class RedisScripts {

	/** KEYS: index. ARGV: hash, index TTL. Adds the hash and keeps the set at least that long. */
	static final RedisScript INDEX = RedisScript.of("""
			redis.call('SADD', KEYS[1], ARGV[1])
			if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			return 1
			""");

	/** KEYS: token. ARGV: a, u, r, i, l, d, e, token TTL, o, c. 0 when the token already exists. */
	static final RedisScript SAVE = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
			redis.call('HSET', KEYS[1], 'a', ARGV[1], 'u', ARGV[2], 'r', ARGV[3], 'i', ARGV[4], 'l', ARGV[5],
				'd', ARGV[6], 'e', ARGV[7], 'o', ARGV[9], 'c', ARGV[10])
			redis.call('PEXPIRE', KEYS[1], ARGV[8])
			return 1
			""");

	/**
	 * KEYS: token. ARGV: used at, retention after the deadline, the store clock's now (epoch milliseconds). Moves the
	 * last use forward only while the token is alive, and its TTL to the new deadline plus the retention.
	 */
	static final RedisScript TOUCH = RedisScript.of("""
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
			""");

	/** KEYS: token. Deletes it and returns its account id, or nil when there was none. */
	static final RedisScript REMOVE = RedisScript.of("""
			local account = redis.call('HGET', KEYS[1], 'a')
			if not account then return false end
			redis.call('DEL', KEYS[1])
			return account
			""");

	/** KEYS: token. ARGV: account id. Deletes the token if it is that account's: 1 if it was, else 0. */
	static final RedisScript REMOVE_OWNED = RedisScript.of("""
			if redis.call('HGET', KEYS[1], 'a') ~= ARGV[1] then return 0 end
			return redis.call('DEL', KEYS[1])
			""");

	private RedisScripts() {
	}

}
