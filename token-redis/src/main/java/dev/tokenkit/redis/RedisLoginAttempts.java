package dev.tokenkit.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.lettuce.core.ScriptOutputType;

import dev.tokenkit.core.throttle.LoginAttempts;

/**
 * {@link LoginAttempts} in Redis, for a login throttle shared by every node on it: each key is a hash under
 * {@code PREFIX throttle:KEY} with fields {@code f} (failures), {@code w} (when their window ends), {@code n}
 * (attempts in flight) and {@code l} (when they lapse), changed by one Lua script per step, so each step is atomic
 * and touches one key (any Redis, a cluster included). A key's TTL runs to the later of its window's and its lease's
 * end. Made by {@link RedisTokenStore#loginAttempts()}, on the store's connection and clock.
 *
 * @since 0.1.0
 */
public final class RedisLoginAttempts implements LoginAttempts {

	/**
	 * KEYS: the key. ARGV: now, limit, lease. Takes an attempt in flight if failures plus attempts in flight stay within
	 * the limit; returns {admitted (1 or 0), failures}.
	 */
	private static final RedisScript ADMIT = RedisScript.of("""
			local now, limit, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
			local v = redis.call('HMGET', KEYS[1], 'f', 'w', 'n', 'l')
			local window = tonumber(v[2]) or 0
			local failures = (window > now) and tonumber(v[1]) or 0
			local inflight = ((tonumber(v[4]) or 0) > now) and tonumber(v[3]) or 0
			if failures + inflight >= limit then return {0, failures} end
			redis.call('HSET', KEYS[1], 'f', failures, 'w', window, 'n', inflight + 1, 'l', now + lease)
			redis.call('PEXPIRE', KEYS[1], math.max(window, now + lease) - now)
			return {1, failures}
			""");

	/** KEYS: the key. ARGV: now, window. Counts a failure and ends one attempt in flight. */
	private static final RedisScript RECORD_FAILURE = RedisScript.of("""
			local now, length = tonumber(ARGV[1]), tonumber(ARGV[2])
			local v = redis.call('HMGET', KEYS[1], 'f', 'w', 'n', 'l')
			local window, lapse = tonumber(v[2]) or 0, tonumber(v[4]) or 0
			local failures = 1
			if window > now then failures = tonumber(v[1]) + 1 else window = now + length end
			local inflight = (lapse > now) and math.max(0, tonumber(v[3]) - 1) or 0
			redis.call('HSET', KEYS[1], 'f', failures, 'w', window, 'n', inflight, 'l', lapse)
			redis.call('PEXPIRE', KEYS[1], math.max(window, lapse) - now)
			return 1
			""");

	/** KEYS: the key. ARGV: now. Ends one attempt in flight, if the key has one. */
	private static final RedisScript RELEASE = RedisScript.of("""
			local v = redis.call('HMGET', KEYS[1], 'n', 'l')
			if (tonumber(v[2]) or 0) > tonumber(ARGV[1]) and tonumber(v[1]) > 0 then
				redis.call('HINCRBY', KEYS[1], 'n', -1)
			end
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
	public Admission admit(String key, int limit) {
		String now = Long.toString(this.clock.millis());
		List<Long> answer = this.redis.run((redis) -> ADMIT.run(redis, ScriptOutputType.MULTI, redisKey(key), now,
				Integer.toString(limit), Long.toString(LEASE.toMillis())));
		return new Admission(answer.get(0) == 1, answer.get(1).intValue());
	}

	@Override
	public void recordFailure(String key, Duration window) {
		String now = Long.toString(this.clock.millis());
		this.redis.run((redis) -> RECORD_FAILURE.run(redis, ScriptOutputType.INTEGER, redisKey(key), now,
				Long.toString(window.toMillis())));
	}

	@Override
	public void release(String key) {
		String now = Long.toString(this.clock.millis());
		this.redis.run((redis) -> RELEASE.run(redis, ScriptOutputType.INTEGER, redisKey(key), now));
	}

	private String redisKey(String key) {
		return this.prefix + Objects.requireNonNull(key, "key cannot be null");
	}

}
