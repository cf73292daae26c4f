package dev.tokenkit.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.LiveToken;
import dev.tokenkit.core.TokenOrigin;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract every {@link TokenStore} keeps, run against each implementation by a subclass: the SPI itself, and the
 * opaque token service's expiry and revocation over it.
 */
public abstract class TokenStoreContractTests {

	private static final Duration IDLE = Duration.ofMinutes(30);

	private static final TokenPolicy THIRTY_MINUTES = TokenPolicy.ofIdle(IDLE);

	protected MutableClock clock;

	protected TokenStore store;

	private TokenService service;

	/** A new, empty store on the given clock. */
	protected abstract TokenStore createStore(MutableClock clock);

	@BeforeEach
	void setUpStore() {
		this.clock = MutableClock.start();
		this.store = createStore(this.clock);
		this.service = OpaqueTokenService.builder(this.store).clock(this.clock).build();
	}

	@Test
	void findWhenSavedThenReturnsEqualRecord() {
		TokenRecord record = record("token-1", "acct-1", this.clock.instant());
		this.store.save(record);
		assertThat(this.store.find(record.hash())).isEqualTo(record);
	}

	@Test
	void saveIfAbsentWhenHashNewThenTrueAndFound() {
		TokenRecord record = record("token-1", "acct-1", this.clock.instant());
		assertThat(this.store.saveIfAbsent(record)).isTrue();
		assertThat(this.store.find(record.hash())).isEqualTo(record);
	}

	@Test
	void saveIfAbsentWhenHashStoredThenFalseAndRecordUnchanged() {
		Instant start = this.clock.instant();
		TokenRecord first = record("token-1", "acct-1", start);
		this.store.save(first);
		TokenRecord second = record("token-1", "acct-2", start.plusSeconds(5));
		assertThat(this.store.saveIfAbsent(second)).isFalse();
		assertThat(this.store.find(first.hash())).isEqualTo(first);
		assertThat(this.store.findByAccount("acct-2")).isEmpty();
	}

	@Test
	void saveIfAbsentWhenEightThreadsRaceForOneHashThenExactlyOneStoresItsRecord() throws Exception {
		Instant start = this.clock.instant();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				TokenRecord record = record("raced", "acct-" + i, start);
				calls.add(threads.submit(() -> this.store.saveIfAbsent(record)));
			}
			List<String> winners = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				if (calls.get(i).get()) {
					winners.add("acct-" + i);
				}
			}
			assertThat(winners).hasSize(1);
			assertThat(this.store.find(TokenHash.of("raced")).principal().accountId()).isEqualTo(winners.get(0));
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void findWhenNeverSavedThenNull() {
		assertThat(this.store.find(TokenHash.of("never-saved"))).isNull();
	}

	@Test
	void touchWhenLaterThenMovesLastUseForward() {
		TokenRecord record = record("token-1", "acct-1", this.clock.instant());
		this.store.save(record);
		Instant later = this.clock.instant().plus(Duration.ofMinutes(10));
		this.store.touch(record.hash(), later);
		assertThat(this.store.find(record.hash()).lastUsedAt()).isEqualTo(later);
	}

	@Test
	void touchWhenEarlierThanLastUseThenLastUseUnchanged() {
		Instant start = this.clock.instant();
		TokenRecord record = record("token-1", "acct-1", start);
		this.store.save(record);
		this.store.touch(record.hash(), start.plus(Duration.ofMinutes(10)));
		this.store.touch(record.hash(), start.plus(Duration.ofMinutes(5)));
		assertThat(this.store.find(record.hash()).lastUsedAt()).isEqualTo(start.plus(Duration.ofMinutes(10)));
	}

	@Test
	void touchWhenPastIdleTimeoutThenDoesNotReviveToken() {
		Instant start = this.clock.instant();
		TokenRecord record = record("token-1", "acct-1", start);
		this.store.save(record);
		this.store.touch(record.hash(), start.plus(IDLE).plusSeconds(1));
		assertThat(this.store.find(record.hash()).lastUsedAt()).isEqualTo(start);
	}

	@Test
	void touchWhenPastAbsoluteExpiryThenDoesNotReviveToken() {
		Instant start = this.clock.instant();
		TokenRecord record = new TokenRecord(TokenHash.of("token-1"), principal("acct-1"), start, start, IDLE,
				start.plus(Duration.ofMinutes(20)));
		this.store.save(record);
		this.store.touch(record.hash(), start.plus(Duration.ofMinutes(21)));
		assertThat(this.store.find(record.hash()).lastUsedAt()).isEqualTo(start);
	}

	@Test
	void removeWhenSavedThenGoneAndTrue() {
		TokenRecord record = record("token-1", "acct-1", this.clock.instant());
		this.store.save(record);
		assertThat(this.store.remove(record.hash())).isTrue();
		assertThat(this.store.find(record.hash())).isNull();
		assertThat(this.store.remove(record.hash())).isFalse();
	}

	@Test
	void removeAllWhenSeveralAccountsThenRemovesOnlyThatAccountsTokens() {
		Instant now = this.clock.instant();
		this.store.save(record("a-1", "acct-a", now));
		this.store.save(record("a-2", "acct-a", now));
		this.store.save(record("b-1", "acct-b", now));
		assertThat(this.store.removeAll("acct-a")).isEqualTo(2);
		assertThat(this.store.find(TokenHash.of("a-1"))).isNull();
		assertThat(this.store.find(TokenHash.of("a-2"))).isNull();
		assertThat(this.store.find(TokenHash.of("b-1"))).isNotNull();
	}

	@Test
	void findByAccountWhenSeveralAccountsThenOldestFirstAndOnlyThatAccount() {
		Instant now = this.clock.instant();
		this.store.save(record("a-2", "acct-a", now.plusSeconds(2)));
		this.store.save(record("a-1", "acct-a", now.plusSeconds(1)));
		this.store.save(record("b-1", "acct-b", now));
		assertThat(this.store.findByAccount("acct-a")).extracting(TokenRecord::hash)
			.containsExactly(TokenHash.of("a-1"), TokenHash.of("a-2"));
		assertThat(this.store.findByAccount("acct-none")).isEmpty();
	}

	@Test
	void findLiveByAccountThenNewestAliveFirstBoundedWithTheirOrigins() {
		TokenOrigin curl = TokenOrigin.of("dsi", "curl/8.5.0");
		this.store.save(record("old", "acct-1", this.clock.instant(), TokenOrigin.UNKNOWN));
		this.clock.advance(Duration.ofMinutes(20));
		this.store.save(record("mid", "acct-1", this.clock.instant(), curl));
		this.clock.advance(Duration.ofMinutes(1));
		this.store.save(record("new", "acct-1", this.clock.instant(), TokenOrigin.of("globalgiving", "app")));
		this.store.save(record("other", "acct-2", this.clock.instant(), curl));
		this.clock.advance(Duration.ofMinutes(10));

		List<TokenRecord> live = this.store.findLiveByAccount("acct-1", this.clock.instant(), 10);
		assertThat(live).as("old idled out 31 minutes after its issue").extracting(TokenRecord::hash)
			.containsExactly(TokenHash.of("new"), TokenHash.of("mid"));
		assertThat(live.get(1)).isEqualTo(record("mid", "acct-1", this.clock.instant().minus(Duration.ofMinutes(11)),
				curl));
		assertThat(this.store.findLiveByAccount("acct-1", this.clock.instant(), 1)).extracting(TokenRecord::hash)
			.containsExactly(TokenHash.of("new"));
		assertThat(this.store.findLiveByAccount("acct-3", this.clock.instant(), 10)).isEmpty();
	}

	@Test
	void liveTokensThenEachWithAHandleThatIsNeitherTheTokenNorItsHash() {
		IssuedToken first = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES, TokenOrigin.of("dsi", "curl"));
		this.clock.advance(Duration.ofSeconds(5));
		IssuedToken second = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES,
				TokenOrigin.of("globalgiving", "Mozilla/5.0\r\nX-Injected: 1"));
		List<LiveToken> live = this.service.liveTokens(TestAccounts.alice().id(), 10);
		assertThat(live).extracting(LiveToken::handle)
			.containsExactly(TokenHash.of(second.value()).handle(), TokenHash.of(first.value()).handle());
		assertThat(live.get(0).origin()).isEqualTo(new TokenOrigin("globalgiving", "Mozilla/5.0 X-Injected: 1"));
		assertThat(live.get(1).issuedAt()).isEqualTo(first.issuedAt());
		assertThat(live.get(1).idleExpiresAt()).isEqualTo(first.issuedAt().plus(IDLE));
		for (LiveToken token : live) {
			assertThat(token.handle()).hasSize(16)
				.isNotIn(first.value(), second.value(), TokenHash.of(first.value()).toHex(),
						TokenHash.of(second.value()).toHex());
			assertThat(first.value() + second.value() + TokenHash.of(first.value()).toHex()
					+ TokenHash.of(second.value()).toHex()).doesNotContain(token.handle());
		}
	}

	@Test
	void revokeByHandleWhenTheOwnersTokenThenOnlyThatTokenIsRefused() {
		IssuedToken kept = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		IssuedToken revoked = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		assertThat(this.service.revokeByHandle(TestAccounts.alice().id(), TokenHash.of(revoked.value()).handle()))
			.isTrue();
		assertRefused(revoked.value());
		assertThat(this.service.authenticate(kept.value()).accountId()).isEqualTo(TestAccounts.alice().id());
		assertThat(this.service.revokeByHandle(TestAccounts.alice().id(), TokenHash.of(revoked.value()).handle()))
			.as("a handle that no longer exists").isFalse();
	}

	@Test
	void revokeByHandleWhenAnotherAccountsTokenThenRefusedAndNothingRevoked() {
		IssuedToken bobs = this.service.issue(TestAccounts.bob(), THIRTY_MINUTES);
		IssuedToken alices = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		assertThat(this.service.revokeByHandle(TestAccounts.alice().id(), TokenHash.of(bobs.value()).handle()))
			.isFalse();
		assertThat(this.service.revokeByHandle(TestAccounts.alice().id(), "not-a-handle")).isFalse();
		assertThat(this.service.authenticate(bobs.value()).accountId()).isEqualTo(TestAccounts.bob().id());
		assertThat(this.service.authenticate(alices.value()).accountId()).isEqualTo(TestAccounts.alice().id());
		assertThat(this.store.findByAccount(TestAccounts.bob().id())).hasSize(1);
	}

	@Test
	void authenticateWhenUsedEvery29MinutesThenValidUntilMaxLifetime() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), new TokenPolicy(IDLE, Duration.ofHours(4)));
		Duration elapsed = Duration.ZERO;
		while (elapsed.plusMinutes(29).compareTo(Duration.ofHours(4)) < 0) {
			this.clock.advance(Duration.ofMinutes(29));
			elapsed = elapsed.plusMinutes(29);
			assertThat(this.service.authenticate(token.value()).accountId()).isEqualTo("acct-alice");
		}
		assertThat(elapsed).isGreaterThan(Duration.ofHours(3));
		this.clock.advance(Duration.ofHours(4).minus(elapsed));
		assertRefused(token.value());
	}

	@Test
	void authenticateWhenIdleForThirtyMinutesAndOneSecondThenRefused() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		this.clock.advance(IDLE.plusSeconds(1));
		assertRefused(token.value());
		this.clock.set(token.issuedAt());
		assertRefused(token.value());
	}

	@Test
	void authenticateWhenAccountHasTenHourPolicyThenItOverridesDefault() {
		IssuedToken token = this.service.issue(TestAccounts.bob(), THIRTY_MINUTES);
		this.clock.advance(Duration.ofHours(9).plusMinutes(59));
		assertThat(this.service.authenticate(token.value()).username()).isEqualTo("bob");
		this.clock.advance(Duration.ofHours(10).plusSeconds(1));
		assertRefused(token.value());
	}

	@Test
	void authenticateWhenRevokedThenRefusedOnNextUse() {
		IssuedToken revoked = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		IssuedToken other = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		assertThat(this.service.revoke(revoked.value())).isTrue();
		assertRefused(revoked.value());
		assertThat(this.service.authenticate(other.value()).username()).isEqualTo("alice");
		assertThat(this.service.revoke(revoked.value())).isFalse();
	}

	@Test
	void authenticateWhenAllAccountTokensRevokedThenEveryOneRefusedAndOtherAccountsKept() {
		IssuedToken first = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		IssuedToken second = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		IssuedToken bobs = this.service.issue(TestAccounts.bob(), THIRTY_MINUTES);
		assertThat(this.service.revokeAll("acct-alice")).isEqualTo(2);
		assertRefused(first.value());
		assertRefused(second.value());
		assertThat(this.service.authenticate(bobs.value()).username()).isEqualTo("bob");
	}

	@Test
	void authenticateWhenClockSteppedBackAfterExpiryThenExpiredTokenStaysRefused() {
		IssuedToken unseen = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		IssuedToken seen = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		this.clock.advance(IDLE.plusSeconds(1));
		assertRefused(seen.value());
		this.clock.advance(Duration.ofMinutes(-20));
		assertRefused(unseen.value());
	}

	/**
	 * Eight threads share every token: each issues tokens, uses its own and others' (the clock moves, so touches are
	 * written), and revokes others'; meanwhile one thread revokes every token of an account whose tokens the others keep
	 * using. Afterwards no revoked token may work and every other token must.
	 */
	@Test
	void serviceWhenEightThreadsIssueUseAndRevokeSharedTokensThenNoRevokedTokenAcceptedAndLiveTokensValid()
			throws Exception {
		TokenPolicy tenHours = TokenPolicy.ofIdle(Duration.ofHours(10));
		Account doomed = new Account("acct-doomed", "doomed", null, Set.of("ROLE_USER"), true, null);
		List<String> doomedTokens = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			doomedTokens.add(this.service.issue(doomed, tenHours).value());
		}
		int tokens = concurrentTokenCount();
		AtomicReferenceArray<String> issued = new AtomicReferenceArray<>(tokens);
		Set<String> revoked = ConcurrentHashMap.newKeySet();
		List<Account> accounts = List.of(TestAccounts.alice(), TestAccounts.bob(),
				new Account("acct-carol", "carol", null, Set.of(), true, null));
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				int first = thread;
				work.add(threads.submit(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					for (int i = first; i < tokens; i += 8) {
						Account account = accounts.get(i % accounts.size());
						String token = this.service.issue(account, tenHours).value();
						assertThat(this.service.authenticate(token).accountId()).isEqualTo(account.id());
						issued.set(i, token);
						useIfValid(issued.get(random.nextInt(i + 1)));
						useIfValid(doomedTokens.get(random.nextInt(doomedTokens.size())));
						String victim = issued.get(random.nextInt(i + 1));
						if (i % 3 == 0 && victim != null && this.service.revoke(victim)) {
							revoked.add(victim);
						}
						if (first == 0 && i == 8 * 200) {
							assertThat(this.service.revokeAll(doomed.id())).isPositive();
						}
						if (first == 1 && i % 800 == 1) {
							this.clock.advance(Duration.ofSeconds(61));
						}
					}
				}));
			}
			for (Future<?> future : work) {
				future.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(revoked).isNotEmpty();
		doomedTokens.forEach(this::assertRefused);
		revoked.forEach(this::assertRefused);
		for (int i = 0; i < tokens; i++) {
			if (!revoked.contains(issued.get(i))) {
				assertThat(this.service.authenticate(issued.get(i))).isNotNull();
			}
		}
	}

	private void useIfValid(String token) {
		if (token == null) {
			return;
		}
		try {
			this.service.authenticate(token);
		}
		catch (InvalidTokenException ex) {
			// revoked by another thread: expected
		}
	}

	/** How many tokens the concurrency test issues. */
	protected int concurrentTokenCount() {
		return 10_000;
	}

	private void assertRefused(String token) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.authenticate(token));
	}

	protected static TokenRecord record(String token, String accountId, Instant issuedAt) {
		return record(token, accountId, issuedAt, TokenOrigin.UNKNOWN);
	}

	private static TokenRecord record(String token, String accountId, Instant issuedAt, TokenOrigin origin) {
		return new TokenRecord(TokenHash.of(token), principal(accountId), issuedAt, issuedAt, IDLE,
				issuedAt.plus(Duration.ofHours(24)), origin);
	}

	private static TokenPrincipal principal(String accountId) {
		return new TokenPrincipal(accountId, "user-" + accountId, Set.of("ROLE_USER", "ROLE_API"));
	}

}
