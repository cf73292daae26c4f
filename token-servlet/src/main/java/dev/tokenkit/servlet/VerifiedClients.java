package dev.tokenkit.servlet;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.core.store.TokenHash;

/**
 * The introspection clients whose id and secret passed the slow password-hash check, kept in memory while they are in
 * use (five minutes after the last) under the id and the SHA-256 of the secret presented, so that a resource server
 * that sends the same credentials on every introspection pays the bcrypt (or argon2) check once, not per request, and
 * is not locked out by someone else's guesses at its secret. A wrong secret has another SHA-256, misses, and is checked
 * (and throttled) in full; nothing but the SHA-256 of a secret that was right is kept, and only in this JVM.
 */
final class VerifiedClients {

	private static final Duration KEPT = Duration.ofMinutes(5);

	private final Cache<Key, Account> verified = Caffeine.newBuilder()
		.maximumSize(1_000)
		.expireAfterAccess(KEPT)
		.executor(Runnable::run)
		.build();

	/** The client these exact credentials were verified for, if they were, recently. */
	@Nullable Account find(Credentials credentials) {
		return this.verified.getIfPresent(Key.of(credentials));
	}

	/** Remembers credentials that the password-hash check has just accepted. */
	void remember(Credentials credentials, Account client) {
		this.verified.put(Key.of(credentials), client);
	}

	/** A client id and the SHA-256 of the secret presented with it. */
	private record Key(String id, TokenHash secret) {

		static Key of(Credentials credentials) {
			return new Key(credentials.login(), TokenHash.of(credentials.password()));
		}

	}

}
