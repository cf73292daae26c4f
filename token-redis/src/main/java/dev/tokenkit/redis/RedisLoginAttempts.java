package dev.tokenkit.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.lettuce.core.ScriptOutputType;

import dev.tokenkit.core.throttle.LoginAttempts;

/**
 * {@link LoginAttempts} in Redis, for a login throttle shared by every node on it. A key's failures are a hash under
 * {@code PREFIX throttle:{KEY}} with fields {@code f} (failures) and {@code w} (when their window ends), its TTL the
 * window's end; its attempts in flight a sorted set under {@code PREFIX throttle:{KEY}:in-flight} of attempt ids
 * scored by the end of their lease. The braces make both keys one hash slot, so that an admission (one Lua script:
 * drop lapsed attempts, count, add) and a failure (one script) are atomic on any Redis, a cluster included; an attempt
 * ends with one {@code ZREM}. Made by {@link RedisTokenStore#loginAttempts()}, on the store's connection and clock.
 *
 * @since 0.1.0
 */
public final class RedisLoginAttempts implements LoginAttempts {

	/**
	 * KEYS: failures, in flight. ARGV: now, limit, lease, attempt. Adds the attempt if failures plus attempts in flight
	 * stay within the limit; returns {admitted (1 or 0), failures}.
	 */
	private static final RedisScript ADMIT = RedisScript.of("""
			local now, limit, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
			redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
			local v = redis.call('HMGET', KEYS[1], 'f', 'w')
			local failures = ((tonumber(v[2]) or 0) > now) and tonumber(v[1]) or 0
			if failures + redis.call('ZCARD', KEYS[2]) >= limit then return {0, failures} end
			redis.call('ZADD', KEYS[2], now + lease, ARGV[4])
			redis.call('PEXPIRE', KEYS[2], lease)
			return {1, failures}
			""");

	/** KEYS: failures, in flight. ARGV: now, window, attempt. Counts a failure and ends the attempt. */
	private static final RedisScript RECORD_FAILURE = RedisScript.of("""
			local now = tonumber(ARGV[1])
			local v = redis.call('HMGET', KEYS[1], 'f', 'w')
			local window = tonumber(v[2]) or 0
			if window > now then
				redis.call('HINCRBY', KEYS[1], 'f', 1)
			else
				window = now + tonumber(ARGV[2])
				redis.call('HSET', KEYS[1], 'f', 1, 'w', window)
			end
			redis.call('PEXPIRE', KEYS[1], window - now)
			redis.call('ZREM', KEYS[2], ARGV[3])
			return 1
			""");

	private final RedisConnection redis;

	private final String prefix;

	private final Clock clock;

	RedisLoginAttempts(RedisConnection redis, String prefix, Clock clock) {
		this.redis = redis;
		this.prefix = prefix;
		this.clock = clock;
	}

	@Override
	public Admission admit(String key, String attempt, int limit) {
		String now = Long.toString(this.clock.millis());
		List<Long> answer = this.redis.run((redis) -> ADMIT.run(redis, ScriptOutputType.MULTI, keys(key), now,
				Integer.toString(limit), Long.toString(LEASE.toMillis()), attempt(attempt)));
		return new Admission(answer.get(0) == 1, answer.get(1).intValue());
	}

	@Override
	public void recordFailure(String key, String attempt, Duration window) {
		String now = Long.toString(this.clock.millis());
		this.redis.run((redis) -> RECORD_FAILURE.run(redis, ScriptOutputType.INTEGER, keys(key), now,
				Long.toString(window.toMillis()), attempt(attempt)));
	}

	@Override
	public void release(String key, String attempt) {
		this.redis.run((redis) -> redis.zrem(keys(key)[1], attempt(attempt)));
	}

	/** The failures key and the in-flight key, in one hash slot. */
	private String[] keys(String key) {
		String failures = this.prefix + "{" + checked(key, "key", 128) + "}";
		return new String[] { failures, failures + ":in-flight" };
	}

	private static String attempt(String attempt) {
		return checked(attempt, "attempt", 64);
	}

	private static String checked(String value, String name, int max) {
		Objects.requireNonNull(value, name + " cannot be null");
		if (value.isEmpty() || value.length() > max) {
			throw new IllegalArgumentException(name + " must have 1 to " + max + " characters");
		}
		return value;
	}

}
