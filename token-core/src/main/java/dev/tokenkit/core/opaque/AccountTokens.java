package dev.tokenkit.core.opaque;

import java.time.Clock;
import java.util.List;

import dev.tokenkit.core.LiveToken;
import dev.tokenkit.core.TokenEvent;
import dev.tokenkit.core.TokenEventPublisher;
import dev.tokenkit.core.observation.TokenObserver;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;
import dev.tokenkit.core.store.TokenStore;

/**
 * An account's tokens in a store, for {@link OpaqueTokenService}: listing the live ones, revoking one by its handle
 * or all of them, and keeping the account's tokens under a cap.
 */
final class AccountTokens {

	/** How many of an account's newest tokens a revocation by handle looks through. */
	private static final int MAX_HANDLE_SEARCH = 1_000;

	private final TokenStore store;

	private final Clock clock;

	private final TokenEventPublisher events;

	private final TokenObserver revokes;

	private final TokenObserver accountRevokes;

	private final int cap;

	AccountTokens(TokenStore store, Clock clock, TokenEventPublisher events, TokenObserver revokes,
			TokenObserver accountRevokes, int cap) {
		this.store = store;
		this.clock = clock;
		this.events = events;
		this.revokes = revokes;
		this.accountRevokes = accountRevokes;
		this.cap = cap;
	}

	List<LiveToken> live(String accountId, int max) {
		return this.store.findLiveByAccount(accountId, this.clock.instant(), max)
			.stream()
			.map(TokenRecord::toLiveToken)
			.toList();
	}

	/**
	 * Finds the handle among the account's tokens (at most {@value #MAX_HANDLE_SEARCH} of them, newest first) and
	 * removes that token: a handle of another account's token is not among them, so it is never revoked.
	 */
	boolean revokeByHandle(String accountId, String handle) {
		if (!TokenHash.isHandle(handle)) {
			return false;
		}
		boolean revoked = this.revokes.observe(() -> this.store
			.findLiveByAccount(accountId, this.clock.instant(), MAX_HANDLE_SEARCH)
			.stream()
			.filter((record) -> record.hash().handle().equals(handle))
			.findFirst()
			.map((record) -> this.store.remove(record.hash()))
			.orElse(false));
		return this.events.revoked(revoked ? accountId : null);
	}

	int revokeAll(String accountId) {
		int revoked = this.accountRevokes.observe(() -> this.store.removeAll(accountId));
		if (revoked > 0) {
			this.events.publish(TokenEvent.Type.ALL_REVOKED, accountId, null);
		}
		return revoked;
	}

	/** Drops the account's oldest tokens beyond the cap, other than the newest one just saved; zero means no cap. */
	void dropOldestBeyondCap(String accountId, TokenHash newest) {
		if (this.cap == 0) {
			return;
		}
		List<TokenRecord> older = this.store.findByAccount(accountId)
			.stream()
			.filter((record) -> !record.hash().equals(newest))
			.toList();
		older.stream().limit(Math.max(0, older.size() + 1 - this.cap)).forEach((oldest) -> {
			if (this.store.remove(oldest.hash())) {
				this.events.publish(TokenEvent.Type.DROPPED, accountId, null);
			}
		});
	}

}
