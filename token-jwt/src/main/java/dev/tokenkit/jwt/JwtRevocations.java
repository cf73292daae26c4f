package dev.tokenkit.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;
import dev.tokenkit.core.store.TokenStore;

/**
 * The revocations of a {@link JwtTokenService}, kept in a {@link TokenStore} as revocation records: one per revoked
 * {@code jti}, kept until the token's own expiry, and one per account, whose last use is the moment before which the
 * account's tokens are refused. The records live under an account id of their own, so that no store operation on a
 * real account (a cap, a {@code removeAll}) ever deletes one; their idle timeout is the whole retention, so that moving
 * an account record's last use forward ({@link TokenStore#touch}, which never moves it back) also extends it. Each
 * record is saved with {@link TokenStore#saveIfAbsent}, so concurrent revocations of one token agree on who revoked
 * it.
 */
final class JwtRevocations {

	/** The account id revocation records are kept under. */
	private static final String REVOCATIONS = "[jwt-revocations]";

	private final TokenStore store;

	JwtRevocations(TokenStore store) {
		this.store = store;
	}

	/**
	 * Revokes one token until {@code until}.
	 *
	 * @return whether this call revoked it (another may have first)
	 */
	boolean revokeToken(String jti, Instant now, Instant until) {
		return this.store.saveIfAbsent(record(jtiKey(jti), now, until));
	}

	/** Refuses every token of the account issued up to {@code now}, until {@code until}. */
	void revokeAccount(String accountId, Instant now, Instant until) {
		TokenHash key = accountKey(accountId);
		TokenRecord existing = this.store.find(key);
		if (existing != null && !existing.isAliveAt(now)) {
			this.store.remove(key);
		}
		this.store.saveIfAbsent(record(key, now, until));
		this.store.touch(key, now);
	}

	/** Whether the token whose revocation records have these keys, issued at this moment, is revoked: two reads. */
	boolean isRevoked(Keys keys, long issuedAtMillis) {
		if (this.store.find(keys.jti()) != null) {
			return true;
		}
		TokenRecord accountRevocation = this.store.find(keys.account());
		return accountRevocation != null && issuedAtMillis <= accountRevocation.lastUsedAtMillis();
	}

	private static TokenRecord record(TokenHash key, Instant at, Instant until) {
		return new TokenRecord(key, new TokenPrincipal(REVOCATIONS, REVOCATIONS, Set.of()), at, at,
				Duration.between(at, until), at.plus(Duration.ofDays(3650)));
	}

	private static TokenHash jtiKey(String jti) {
		return TokenHash.of("jwt-revoked-jti:" + jti);
	}

	private static TokenHash accountKey(String accountId) {
		return TokenHash.of("jwt-revoked-account:" + accountId);
	}

	/**
	 * The store keys of a token's two revocation records, its {@code jti}'s and its account's: two SHA-256s, computed
	 * once when the token is verified and kept with it, not on every check.
	 */
	record Keys(TokenHash jti, TokenHash account) {

		static Keys of(String jti, String accountId) {
			return new Keys(jtiKey(jti), accountKey(accountId));
		}

	}

}
