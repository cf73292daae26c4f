package dev.tokenkit.sample;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * What the sample runs on, read from system properties or environment variables (Spring's environment: the property
 * {@code tokenkit.store} or the variable {@code TOKENKIT_STORE}). Every setting has an embedded default, so the sample
 * needs no server:
 * <ul>
 * <li>{@code tokenkit.accounts.url}: the JDBC URL of the accounts database, for example
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; default an embedded H2 database in memory. The tables
 * are created at start-up when missing.</li>
 * <li>{@code tokenkit.store}: where tokens live: {@code memory} (default; one node), {@code jdbc} (the accounts
 * database) or {@code redis}.</li>
 * <li>{@code tokenkit.redis.url}: the {@code redis://} or {@code rediss://} URI of the Redis store; default
 * {@code redis://127.0.0.1:6379}.</li>
 * <li>{@code tokenkit.redis.key-prefix}: the prefix of the store's Redis keys, for apps sharing one Redis; default
 * {@code tokenkit:}.</li>
 * <li>{@code tokenkit.store.timeout-millis}: how long a token check waits for the database or Redis before it answers
 * {@code 503}; default 2000.</li>
 * <li>{@code tokenkit.tokens}: {@code opaque} (default) or {@code jwt}.</li>
 * <li>{@code tokenkit.jwt.secret}: the base64 HS256 secret, at least 32 bytes; the same on every node. Default a random
 * secret for this run (one node only).</li>
 * <li>{@code tokenkit.login-throttle.max-failures}: failed logins allowed per login (and four times as many per client
 * address) within 15 minutes; from half of them on each attempt is delayed, then refused with {@code 429} until the
 * window has passed. Default 10; 0 turns the throttle off. Counted in this node's memory.</li>
 * </ul>
 *
 * @param accountsUrl the accounts database's JDBC URL
 * @param store where tokens live
 * @param redisUrl the Redis URI, used with {@link Store#REDIS}
 * @param redisKeyPrefix the prefix of the Redis keys
 * @param storeTimeout how long a store call may take
 * @param tokens the kind of token
 * @param jwtSecret the JWT secret, or {@code null} for a random one
 * @param loginFailures failed logins allowed per login within 15 minutes before further attempts are refused with
 * {@code 429} (four times as many per client address); 0 turns the throttle off
 * @since 0.1.0
 */
public record SampleSettings(String accountsUrl, Store store, String redisUrl,
		String redisKeyPrefix, Duration storeTimeout, Tokens tokens,
		byte @Nullable [] jwtSecret, int loginFailures) {

	/** The embedded accounts database. */
	public static final String EMBEDDED_ACCOUNTS_URL = "jdbc:h2:mem:tokenkit-sample;DB_CLOSE_DELAY=-1";

	/** Where tokens live. */
	public enum Store {

		/** In the app's memory: one node. */
		MEMORY,

		/** In the accounts database's {@code tk_tokens} table. */
		JDBC,

		/** In Redis. */
		REDIS

	}

	/** The kind of token. */
	public enum Tokens {

		/** Random tokens looked up in the store. */
		OPAQUE,

		/** Signed JWTs, with their revocations in the store. */
		JWT

	}

	/**
	 * Reads the settings.
	 *
	 * @param environment the system properties and environment variables
	 * @return the settings
	 * @throws IllegalStateException naming the setting, if one has a value the sample does not know
	 */
	public static SampleSettings from(Environment environment) {
		return new SampleSettings(environment.getProperty("tokenkit.accounts.url", EMBEDDED_ACCOUNTS_URL),
				choice(environment, "tokenkit.store", Store.MEMORY),
				environment.getProperty("tokenkit.redis.url", "redis://127.0.0.1:6379"),
				environment.getProperty("tokenkit.redis.key-prefix", "tokenkit:"), timeout(environment),
				choice(environment, "tokenkit.tokens", Tokens.OPAQUE), secret(environment), loginFailures(environment));
	}

	/**
	 * The JWT secret: a copy, so that the settings stay unchanged.
	 *
	 * @return the secret, or {@code null} for a random one
	 */
	@Override
	public byte @Nullable [] jwtSecret() {
		return (this.jwtSecret != null) ? this.jwtSecret.clone() : null;
	}

	/**
	 * The store timeout in whole seconds, rounded up, at least one: JDBC's unit for statement timeouts.
	 *
	 * @return the seconds
	 */
	public long storeTimeoutSeconds() {
		return Math.max(1, this.storeTimeout.plusNanos(999_999_999).toSeconds());
	}

	/**
	 * The settings without URLs or the secret, which can hold passwords.
	 *
	 * @return for example "SampleSettings[accounts in PostgreSQL, opaque tokens in redis]"
	 */
	@Override
	public String toString() {
		return "SampleSettings[" + describe() + "]";
	}

	private static Duration timeout(Environment environment) {
		String value = environment.getProperty("tokenkit.store.timeout-millis", "2000");
		try {
			long millis = Long.parseLong(value.trim());
			if (millis > 0) {
				return Duration.ofMillis(millis);
			}
		}
		catch (NumberFormatException notANumber) {
			// refused below
		}
		throw new IllegalStateException("tokenkit.store.timeout-millis must be a positive number of milliseconds, not "
				+ value);
	}

	private static int loginFailures(Environment environment) {
		String value = environment.getProperty("tokenkit.login-throttle.max-failures", "10");
		try {
			int failures = Integer.parseInt(value.trim());
			if (failures >= 0) {
				return failures;
			}
		}
		catch (NumberFormatException notANumber) {
			// refused below
		}
		throw new IllegalStateException("tokenkit.login-throttle.max-failures must be 0 (off) or a positive number, not "
				+ value);
	}

	private static byte @Nullable [] secret(Environment environment) {
		String secret = environment.getProperty("tokenkit.jwt.secret");
		if (secret == null) {
			return null;
		}
		try {
			return Base64.getDecoder().decode(secret.trim());
		}
		catch (IllegalArgumentException notBase64) {
			throw new IllegalStateException("tokenkit.jwt.secret must be base64 (its value is not repeated here)");
		}
	}

	/**
	 * Whether the accounts live in PostgreSQL.
	 *
	 * @return true for a {@code jdbc:postgresql:} URL
	 */
	public boolean accountsOnPostgres() {
		return this.accountsUrl.startsWith("jdbc:postgresql:");
	}

	/**
	 * What the sample runs on, without URLs or secrets, for the start-up log.
	 *
	 * @return for example "accounts in PostgreSQL, opaque tokens in redis"
	 */
	public String describe() {
		return "accounts in " + (accountsOnPostgres() ? "PostgreSQL" : (this.accountsUrl.equals(EMBEDDED_ACCOUNTS_URL)
				? "embedded H2" : "a JDBC database")) + ", " + this.tokens.name().toLowerCase(Locale.ROOT)
				+ " tokens in " + this.store.name().toLowerCase(Locale.ROOT);
	}

	private static <E extends Enum<E>> E choice(Environment environment, String name, E fallback) {
		String value = environment.getProperty(name);
		if (value == null) {
			return fallback;
		}
		for (E constant : fallback.getDeclaringClass().getEnumConstants()) {
			if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
				return constant;
			}
		}
		throw new IllegalStateException(name + " must be one of "
				+ Arrays.toString(fallback.getDeclaringClass().getEnumConstants()).toLowerCase(Locale.ROOT)
				+ ", not " + value);
	}

}
