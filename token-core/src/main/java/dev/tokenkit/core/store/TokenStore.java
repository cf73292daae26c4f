package dev.tokenkit.core.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where live tokens are kept, keyed by their {@link TokenHash}. Implementations are thread-safe and may be shared by
 * several nodes; each method may throw {@link dev.tokenkit.core.StoreUnavailableException} when the store cannot be
 * reached or does not answer in time.
 *
 * <p>Every implementation passes the store contract tests shipped in token-core's test jar.
 *
 * @since 0.1.0
 */
public interface TokenStore {

	/**
	 * Keeps a new token. Its hash is new: a token's 256 random bits make a clash unheard of, so a store need not check,
	 * and may refuse a hash it already has with an {@link IllegalStateException}. By default it is
	 * {@link #saveIfAbsent(TokenRecord)}, refusing a hash the store has.
	 *
	 * @param record the token's record
	 * @throws IllegalStateException if the store refuses a hash it has
	 */
	default void save(TokenRecord record) {
		if (!saveIfAbsent(record)) {
			throw new IllegalStateException("A token with this hash is already stored");
		}
	}

	/**
	 * Keeps a record only if the store has none under its hash (one that {@link #find(TokenHash)} would return), as one
	 * atomic step: of concurrent calls with the same hash, exactly one returns {@code true}, and the record kept is
	 * that call's. Revocations use it: two nodes that revoke one JWT at once agree on which of them revoked it.
	 *
	 * @param record the record
	 * @return {@code true} if this call stored it, {@code false} if the store had a record under its hash, which is
	 *     left as it was
	 * @since 0.1.0
	 */
	boolean saveIfAbsent(TokenRecord record);

	/**
	 * Looks a token up. A store may return a record that has just expired; callers check
	 * {@link TokenRecord#isAliveAt(Instant)}.
	 *
	 * @param hash the token's hash
	 * @return the record, or {@code null} if the store has none
	 */
	@Nullable TokenRecord find(TokenHash hash);

	/**
	 * Records a use of a token: moves its last use forward to {@code usedAt}, but only if the token is still alive at
	 * {@code usedAt} and its last use is earlier. Never moves a last use backwards and never revives an expired token,
	 * however concurrent calls interleave.
	 *
	 * @param hash the token's hash
	 * @param usedAt when the token was used
	 */
	void touch(TokenHash hash, Instant usedAt);

	/**
	 * Removes one token.
	 *
	 * @param hash the token's hash
	 * @return {@code true} if the store had it
	 */
	boolean remove(TokenHash hash);

	/**
	 * Removes every token of an account.
	 *
	 * @param accountId the account's id
	 * @return how many tokens were removed
	 */
	int removeAll(String accountId);

	/**
	 * Lists the tokens of an account, oldest first.
	 *
	 * @param accountId the account's id
	 * @return the account's records, possibly including some that have just expired
	 */
	List<TokenRecord> findByAccount(String accountId);

	/**
	 * Lists the tokens of an account that are alive at an instant, newest first, at most {@code max} of them: what its
	 * owner sees in a list of live tokens. By default it filters and sorts {@link #findByAccount(String)}; a store that
	 * can select and limit by itself does.
	 *
	 * @param accountId the account's id
	 * @param at the instant the tokens must be alive at
	 * @param max the most records to return
	 * @return the newest live records, newest first (of equal issue times, in no set order)
	 * @throws IllegalArgumentException if {@code max} is below 1
	 */
	default List<TokenRecord> findLiveByAccount(String accountId, Instant at, int max) {
		if (max < 1) {
			throw new IllegalArgumentException("max must be at least 1");
		}
		long now = at.toEpochMilli();
		return findByAccount(accountId).stream()
			.filter((record) -> record.isAliveAt(now))
			.sorted(Comparator.comparingLong(TokenRecord::issuedAtMillis).reversed())
			.limit(max)
			.toList();
	}

}
