package dev.tokenkit.redis;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.tokenkit.core.TokenOrigin;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;

/**
 * A token's record as the fields of its Redis hash: {@code a} account id, {@code u} username, {@code r} authorities
 * (comma-separated, sorted), {@code i} issued, {@code l} last used, {@code d} idle timeout, {@code e} expiry (epoch
 * milliseconds), {@code o} dialect and {@code c} client label, as {@link RedisScripts#SAVE} writes them.
 */
final class RedisTokenFields {

	private RedisTokenFields() {
	}

	/** The {@link RedisScripts#SAVE} script's arguments for the record, whose key is to live {@code ttlMillis}. */
	static String[] saveArguments(TokenRecord record, long ttlMillis) {
		TokenPrincipal principal = record.principal();
		return new String[] { principal.accountId(), principal.username(),
				String.join(",", new TreeSet<>(principal.authorities())), millis(record.issuedAt()),
				millis(record.lastUsedAt()), Long.toString(record.idleTimeout().toMillis()), millis(record.expiresAt()),
				Long.toString(ttlMillis), record.origin().dialect(), record.origin().client() };
	}

	/** The record a token's hash fields hold. */
	static TokenRecord record(TokenHash hash, Map<String, String> fields) {
		Set<String> names = Arrays.stream(fields.get("r").split(",")).filter((a) -> !a.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
		return new TokenRecord(hash, new TokenPrincipal(fields.get("a"), fields.get("u"), names),
				Long.parseLong(fields.get("i")), Long.parseLong(fields.get("l")), Long.parseLong(fields.get("d")),
				Long.parseLong(fields.get("e")), TokenOrigin.restored(fields.getOrDefault("o", ""),
						fields.getOrDefault("c", "")));
	}

	static String millis(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

}
