package dev.tokenkit.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * One Lua script of the store, run by its SHA-1 ({@code EVALSHA}): its text crosses the network only when a server
 * has not cached it yet (a new server, a restart, a replica promoted by a failover), with one {@code EVAL} that caches
 * it there. Every script touches one key, or keys in one hash slot, so it runs on any Redis, a cluster included.
 *
 * @param source the script
 * @param sha its SHA-1, as Redis names it
 */
record RedisScript(String source, String sha) {

	static RedisScript of(String source) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
			return new RedisScript(source, HexFormat.of().formatHex(digest));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-1", ex);
		}
	}

	/** Runs the script on its one key. */
	<T> T run(RedisClusterCommands<String, String> redis, ScriptOutputType type, String key, String... args) {
		return run(redis, type, new String[] { key }, args);
	}

	/** Runs the script on its keys, which share a hash slot. */
	<T> T run(RedisClusterCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
		try {
			return redis.evalsha(this.sha, type, keys, args);
		}
		catch (RedisNoScriptException ex) {
			return redis.eval(this.source, type, keys, args);
		}
	}

}
