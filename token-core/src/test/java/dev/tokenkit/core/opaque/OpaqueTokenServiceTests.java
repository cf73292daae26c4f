package dev.tokenkit.core.opaque;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.tokenkit.core.ActiveToken;
import dev.tokenkit.core.InvalidTokenException.Reason;
import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.TokenEvent;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.CountingTokenStore;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.testing.TestAccounts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OpaqueTokenServiceTests {

	private static final TokenPolicy THIRTY_MINUTES = TokenPolicy.ofIdle(Duration.ofMinutes(30));

	private final MutableClock clock = MutableClock.start();

	private final List<TokenEvent> events = new CopyOnWriteArrayList<>();

	private CountingTokenStore store;

	private OpaqueTokenService service;

	@BeforeEach
	void setUp() {
		this.store = new CountingTokenStore(new InMemoryTokenStore(this.clock));
		this.service = OpaqueTokenService.builder(this.store).clock(this.clock).listener(this.events::add).build();
	}

	@Test
	void issueWhenAccountEnabledThenPrincipalCarriesAccountAndExpiryIsIdleDeadline() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		assertThat(token.principal())
			.isEqualTo(new TokenPrincipal("acct-alice", "alice", TestAccounts.alice().authorities()));
		assertThat(token.issuedAt()).isEqualTo(this.clock.instant());
		assertThat(token.expiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(30)));
		assertThat(token.toString()).doesNotContain(token.value());
		assertThat(this.store.find(TokenHash.of(token.value()))).isNotNull();
	}

	@Test
	void issueWhenCalledTwiceThenFreshTokenEachTime() {
		IssuedToken first = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		IssuedToken second = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		assertThat(first.value()).isNotEqualTo(second.value());
	}

	@Test
	void issueWhenAccountDisabledThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.issue(TestAccounts.dave(), THIRTY_MINUTES));
		assertThat(this.store.writes()).isZero();
	}

	@Test
	void authenticateWhenUsedWithinTouchIntervalThenNoWrite() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		for (int i = 0; i < 59; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			this.service.authenticate(token.value());
		}
		assertThat(this.store.touches()).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		this.service.authenticate(token.value());
		assertThat(this.store.touches()).isEqualTo(1);
		this.service.authenticate(token.value());
		assertThat(this.store.touches()).isEqualTo(1);
	}

	/** A use the caller's check refuses (a wrong api key) is not a use: the token does not slide, and expires. */
	@Test
	void authenticateWhenCallersCheckRefusesThenNoUseCountedAndItsExceptionRethrown() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		IllegalArgumentException refusal = new IllegalArgumentException("wrong api key");
		for (int i = 0; i < 3; i++) {
			this.clock.advance(Duration.ofMinutes(9));
			assertThatIllegalArgumentException().isThrownBy(() -> this.service.authenticate(token.value(), (principal) -> {
				throw refusal;
			})).isSameAs(refusal);
		}
		assertThat(this.store.touches()).isZero();
		this.clock.advance(Duration.ofMinutes(4));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.authenticate(token.value()));
	}

	/** An inspection describes the token without counting a use: the idle deadline stays where the last use left it. */
	@Test
	void inspectWhenLiveThenDescribesItWithoutSlidingIt() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		for (int i = 0; i < 3; i++) {
			this.clock.advance(Duration.ofMinutes(9));
			ActiveToken active = this.service.inspect(token.value());
			assertThat(active.principal()).isEqualTo(token.principal());
			assertThat(active.issuedAt()).isEqualTo(token.issuedAt());
			assertThat(active.expiresAt()).isEqualTo(token.expiresAt());
		}
		assertThat(this.store.touches()).isZero();
		this.clock.advance(Duration.ofMinutes(4));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.inspect(token.value()));
	}

	@Test
	void inspectWhenUsedThenExpiryFollowsTheLastUseAndCapsAtTheDeadline() {
		IssuedToken token = this.service.issue(TestAccounts.alice(),
				new TokenPolicy(Duration.ofMinutes(30), Duration.ofMinutes(40)));
		this.clock.advance(Duration.ofMinutes(5));
		this.service.authenticate(token.value());
		assertThat(this.service.inspect(token.value()).expiresAt()).isEqualTo(this.clock.instant().plus(
				Duration.ofMinutes(30)));
		this.clock.advance(Duration.ofMinutes(20));
		this.service.authenticate(token.value());
		assertThat(this.service.inspect(token.value()).expiresAt()).isEqualTo(token.issuedAt().plus(
				Duration.ofMinutes(40)));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.inspect("tk_nope"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.MALFORMED));
	}

	/** Concurrent uses in one second after an interval all record the same last use, so only the first touch writes. */
	@Test
	void authenticateWhenManyThreadsUseATokenAfterTheIntervalThenOneLastUseIsRecorded() throws Exception {
		InMemoryTokenStore memory = new InMemoryTokenStore(this.clock);
		TouchRecordingStore touches = new TouchRecordingStore(memory);
		OpaqueTokenService recording = OpaqueTokenService.builder(touches).clock(this.clock).build();
		IssuedToken token = recording.issue(TestAccounts.alice(), THIRTY_MINUTES);
		Instant issued = token.issuedAt();
		this.clock.advance(Duration.ofMillis(150_700));
		TokenHash hash = TokenHash.of(token.value());
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> uses = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				uses.add(threads.submit(() -> recording.authenticate(token.value())));
			}
			for (Future<?> use : uses) {
				use.get();
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(memory.find(hash).lastUsedAt()).as("whole seconds after the issue").isEqualTo(issued.plusSeconds(150));
		assertThat(touches.usedAt).isNotEmpty().containsOnly(issued.plusSeconds(150));
	}

	/** Records the last use each touch asks for. */
	private static final class TouchRecordingStore implements TokenStore {

		final List<Instant> usedAt = new CopyOnWriteArrayList<>();

		private final TokenStore delegate;

		TouchRecordingStore(TokenStore delegate) {
			this.delegate = delegate;
		}

		@Override
		public void save(TokenRecord record) {
			this.delegate.save(record);
		}

		@Override
		public boolean saveIfAbsent(TokenRecord record) {
			return this.delegate.saveIfAbsent(record);
		}

		@Override
		public @Nullable TokenRecord find(TokenHash hash) {
			return this.delegate.find(hash);
		}

		@Override
		public void touch(TokenHash hash, Instant usedAt) {
			this.usedAt.add(usedAt);
			this.delegate.touch(hash, usedAt);
		}

		@Override
		public boolean remove(TokenHash hash) {
			return this.delegate.remove(hash);
		}

		@Override
		public int removeAll(String accountId) {
			return this.delegate.removeAll(accountId);
		}

		@Override
		public List<TokenRecord> findByAccount(String accountId) {
			return this.delegate.findByAccount(accountId);
		}

	}

	@Test
	void authenticateWhenIdleTimeoutShorterThanTouchIntervalThenTouchesAtHalfIdle() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofSeconds(40)));
		for (int i = 0; i < 10; i++) {
			this.clock.advance(Duration.ofSeconds(20));
			assertThat(this.service.authenticate(token.value()).username()).isEqualTo("alice");
		}
		assertThat(this.store.touches()).isEqualTo(10);
	}

	@Test
	void authenticateWhenExpiredThenRemovedAndReportedOnce() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		this.clock.advance(Duration.ofMinutes(30).plusSeconds(1));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.authenticate(token.value()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.EXPIRED));
		assertThat(this.store.find(TokenHash.of(token.value()))).isNull();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.authenticate(token.value()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN));
		assertThat(this.events).extracting(TokenEvent::type).containsOnlyOnce(TokenEvent.Type.EXPIRED);
	}

	@Test
	void authenticateWhenAbsoluteLifetimeReachedThenRefusedDespiteUse() {
		IssuedToken token = this.service.issue(TestAccounts.alice(),
				new TokenPolicy(Duration.ofMinutes(30), Duration.ofHours(1)));
		for (int i = 0; i < 11; i++) {
			this.clock.advance(Duration.ofMinutes(5));
			this.service.authenticate(token.value());
		}
		this.clock.advance(Duration.ofMinutes(5));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.service.authenticate(token.value()));
		assertThat(this.events).extracting(TokenEvent::type).contains(TokenEvent.Type.EXPIRED);
	}

	static List<String> malformedTokens() {
		return List.of("", " ", "A".repeat(10 * 1024), "Bearer tk_abc", "wrongprefix_" + "A".repeat(40),
				"tk_" + "A".repeat(49), "tk_" + "é".repeat(49), "tk_\u0000" + "A".repeat(48), "tk_" + "A".repeat(48));
	}

	@ParameterizedTest
	@MethodSource("malformedTokens")
	void authenticateWhenMalformedThenRefusedWithoutStoreCall(String token) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.authenticate(token))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.MALFORMED))
			.withMessage(InvalidTokenException.MESSAGE);
		assertThat(this.store.calls()).isZero();
	}

	@Test
	void authenticateWhenChecksumBrokenThenRefusedWithoutStoreCall() {
		String token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES).value();
		int callsAfterIssue = this.store.calls();
		String broken = token.substring(0, 51) + ((token.charAt(51) == 'A') ? 'B' : 'A');
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.authenticate(broken));
		assertThat(this.store.calls()).isEqualTo(callsAfterIssue);
	}

	@Test
	void authenticateWhenWellFormedButNeverIssuedThenRefusedWithoutStoreWrite() {
		String neverIssued = new OpaqueTokenCodec(new SecureRandom()).generate();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.authenticate(neverIssued))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN));
		assertThat(this.store.reads()).isEqualTo(1);
		assertThat(this.store.writes()).isZero();
	}

	@Test
	void authenticateWhenStoredHashPresentedAsTokenThenRefused() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		String hash = TokenHash.of(token.value()).toHex();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.authenticate(hash));
	}

	@Test
	void revokeWhenMalformedThenFalseWithoutStoreCall() {
		assertThat(this.service.revoke("not-a-token")).isFalse();
		assertThat(this.store.calls()).isZero();
	}

	@Test
	void issueWhenCapReachedThenOldestDropped() {
		OpaqueTokenService capped = OpaqueTokenService.builder(this.store).clock(this.clock).maxTokensPerAccount(2).build();
		IssuedToken first = capped.issue(TestAccounts.alice(), THIRTY_MINUTES);
		this.clock.advance(Duration.ofSeconds(1));
		IssuedToken second = capped.issue(TestAccounts.alice(), THIRTY_MINUTES);
		this.clock.advance(Duration.ofSeconds(1));
		IssuedToken third = capped.issue(TestAccounts.alice(), THIRTY_MINUTES);
		IssuedToken bobs = capped.issue(TestAccounts.bob(), THIRTY_MINUTES);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> capped.authenticate(first.value()));
		assertThat(capped.authenticate(second.value()).username()).isEqualTo("alice");
		assertThat(capped.authenticate(third.value()).username()).isEqualTo("alice");
		assertThat(capped.authenticate(bobs.value()).username()).isEqualTo("bob");
	}

	@Test
	void issueWhenCapReachedWithinOneMillisecondThenNewTokenKept() {
		OpaqueTokenService capped = OpaqueTokenService.builder(this.store).clock(this.clock).maxTokensPerAccount(1).build();
		for (int i = 0; i < 50; i++) {
			IssuedToken older = capped.issue(TestAccounts.alice(), THIRTY_MINUTES);
			IssuedToken newer = capped.issue(TestAccounts.alice(), THIRTY_MINUTES);
			assertThat(capped.authenticate(newer.value()).username()).isEqualTo("alice");
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> capped.authenticate(older.value()));
		}
	}

	@Test
	void revokeAllWhenAccountHasNoTokensThenZeroAndNoEvent() {
		assertThat(this.service.revokeAll("acct-none")).isZero();
		assertThat(this.events).isEmpty();
	}

	@Test
	void listenerWhenTheCapDropsATokenAndAllAreRevokedThenHearsDroppedAndAllRevoked() {
		OpaqueTokenService capped = OpaqueTokenService.builder(this.store)
			.clock(this.clock)
			.maxTokensPerAccount(1)
			.listener(this.events::add)
			.build();
		capped.issue(TestAccounts.alice(), THIRTY_MINUTES);
		capped.issue(TestAccounts.alice(), THIRTY_MINUTES);
		capped.revokeAll("acct-alice");
		assertThat(this.events).extracting(TokenEvent::type)
			.containsExactly(TokenEvent.Type.ISSUED, TokenEvent.Type.DROPPED, TokenEvent.Type.ISSUED,
					TokenEvent.Type.ALL_REVOKED);
		assertThat(this.events).extracting(TokenEvent::accountId).containsOnly("acct-alice");
	}

	@Test
	void listenerWhenIssuedRevokedAndRejectedThenHearsEachWithoutTokenText() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		this.service.revoke(token.value());
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.service.authenticate(token.value()));
		assertThat(this.events).extracting(TokenEvent::type)
			.containsExactly(TokenEvent.Type.ISSUED, TokenEvent.Type.REVOKED, TokenEvent.Type.REJECTED);
		assertThat(this.events.get(2).reason()).isEqualTo(Reason.UNKNOWN);
		assertThat(this.events.get(0).accountId()).isEqualTo("acct-alice");
		assertThat(this.events).allSatisfy((event) -> assertThat(event.toString()).doesNotContain(token.value()));
	}

	@Test
	void authenticateWhenListenerThrowsThenStillAnswers() {
		OpaqueTokenService noisy = OpaqueTokenService.builder(this.store).clock(this.clock).listener((event) -> {
			throw new IllegalStateException("listener broke");
		}).build();
		IssuedToken token = noisy.issue(TestAccounts.alice(), THIRTY_MINUTES);
		assertThat(noisy.authenticate(token.value()).username()).isEqualTo("alice");
	}

	@Test
	void builderWhenNegativeOptionsThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OpaqueTokenService.builder(this.store).touchInterval(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> OpaqueTokenService.builder(this.store).maxTokensPerAccount(-1));
	}

}
