package dev.tokenkit.core.opaque;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.tokenkit.core.ActiveToken;
import dev.tokenkit.core.Durations;
import dev.tokenkit.core.InvalidTokenException.Reason;
import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.LiveToken;
import dev.tokenkit.core.TokenEvent;
import dev.tokenkit.core.TokenEventPublisher;
import dev.tokenkit.core.TokenListener;
import dev.tokenkit.core.TokenOrigin;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.observation.ObservedTokenStore;
import dev.tokenkit.core.observation.TokenObserver;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;
import dev.tokenkit.core.store.TokenStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link TokenService}: random opaque tokens (see {@link OpaqueTokenCodec}) kept in a {@link TokenStore}
 * under their SHA-256, with sliding idle expiry and an absolute cap.
 *
 * <p>Design note: {@link #authenticate(String)} refuses a malformed token before touching the store, then looks the
 * hash up and checks the record's deadline against this service's clock. A use is written back to the store only when
 * the stored last use is at least one <em>touch interval</em> old, so a token in constant use costs reads, not writes;
 * the price is that a token may expire up to one touch interval early, never late. The interval is capped at half the
 * token's idle timeout so that a token in use never dies. A token found expired is removed, and the service reads its
 * clock through a {@link NonDecreasingClock}, so that a clock stepped backwards (NTP) cannot revive an expired token.
 *
 * <p>Revocation takes effect for every lookup that starts after {@code revoke} returns; a request that had already
 * looked its token up may still finish.
 *
 * <p>Build one with {@link #builder(TokenStore)}.
 *
 * @since 0.1.0
 */
public final class OpaqueTokenService implements TokenService {

	private static final Logger logger = LoggerFactory.getLogger(OpaqueTokenService.class);

	private final TokenStore store;

	private final Clock clock;

	private final TouchRule touchRule;

	private final TokenEventPublisher events;

	private final OpaqueTokenCodec codec;

	private final TokenObserver revokes;

	private final AccountTokens accountTokens;

	private OpaqueTokenService(Builder builder) {
		this.store = builder.store;
		this.revokes = builder.observers.revocations("revoke");
		this.clock = new NonDecreasingClock(builder.clock);
		this.touchRule = new TouchRule(builder.touchInterval);
		this.events = new TokenEventPublisher(builder.listener, builder.clock);
		this.codec = new OpaqueTokenCodec(builder.random);
		this.accountTokens = new AccountTokens(this.store, this.clock, this.events, this.revokes,
				builder.observers.revocations("revoke_all"), builder.maxTokensPerAccount);
	}

	/**
	 * Starts building a service over the given store.
	 *
	 * @param store where the tokens are kept
	 * @return a builder with every option at its default
	 */
	public static Builder builder(TokenStore store) {
		return new Builder(store);
	}

	@Override
	public IssuedToken issue(Account account, TokenPolicy defaultPolicy, TokenOrigin origin) {
		TokenPolicy policy = Objects.requireNonNull(account, "account cannot be null").tokenPolicy(defaultPolicy);
		Instant now = this.clock.instant();
		String token = this.codec.generate();
		TokenPrincipal principal = new TokenPrincipal(account.id(), account.username(), account.authorities());
		TokenRecord record = new TokenRecord(TokenHash.of(token), principal, now, now, policy.idleTimeout(),
				now.plus(policy.maxLifetime()), Objects.requireNonNull(origin, "origin cannot be null"));
		this.store.save(record);
		this.accountTokens.dropOldestBeyondCap(account.id(), record.hash());
		this.events.publish(TokenEvent.Type.ISSUED, account.id(), null);
		return new IssuedToken(token, principal, record.issuedAt(), record.deadline());
	}

	@Override
	public TokenPrincipal authenticate(String token, Consumer<TokenPrincipal> check) {
		long now = this.clock.millis();
		TokenRecord record = liveRecord(token, now);
		check.accept(record.principal());
		Instant use = this.touchRule.useToRecord(record, now);
		if (use != null) {
			this.store.touch(record.hash(), use);
		}
		return record.principal();
	}

	@Override
	public ActiveToken inspect(String token) {
		TokenRecord record = liveRecord(token, this.clock.millis());
		return new ActiveToken(record.principal(), record.issuedAt(), record.deadline());
	}

	/** The record of a well-formed, known and live token; an expired one is removed and refused. */
	private TokenRecord liveRecord(String token, long now) {
		byte[] text = OpaqueTokenCodec.wellFormedText(token);
		if (text == null) {
			throw reject(Reason.MALFORMED, null);
		}
		TokenHash hash = TokenHash.ofAscii(text, OpaqueTokenCodec.LENGTH);
		Arrays.fill(text, (byte) 0);
		TokenRecord record = this.store.find(hash);
		if (record == null) {
			throw reject(Reason.UNKNOWN, null);
		}
		if (!record.isAliveAt(now)) {
			this.store.remove(hash);
			this.events.publish(TokenEvent.Type.EXPIRED, record.principal().accountId(), null);
			throw reject(Reason.EXPIRED, record.principal().accountId());
		}
		return record;
	}

	@Override
	public boolean revoke(String token) {
		return this.events.revoked(this.revokes.observe(() -> revokeOne(token)));
	}

	/** Removes a live token; returns its account's id, or {@code null} if there was none to remove. */
	private @Nullable String revokeOne(String token) {
		if (!OpaqueTokenCodec.isWellFormed(token)) {
			return null;
		}
		TokenHash hash = TokenHash.of(token);
		TokenRecord record = this.store.find(hash);
		if (record == null || !this.store.remove(hash)) {
			return null;
		}
		return record.principal().accountId();
	}

	@Override
	public int revokeAll(String accountId) {
		return this.accountTokens.revokeAll(Objects.requireNonNull(accountId, "accountId cannot be null"));
	}

	@Override
	public List<LiveToken> liveTokens(String accountId, int max) {
		return this.accountTokens.live(Objects.requireNonNull(accountId, "accountId cannot be null"), max);
	}

	/**
	 * Looks for the handle among the account's newest 1,000 live tokens: a handle of another account's token is not
	 * among them, so it is never revoked.
	 */
	@Override
	public boolean revokeByHandle(String accountId, String handle) {
		Objects.requireNonNull(accountId, "accountId cannot be null");
		return this.accountTokens.revokeByHandle(accountId, Objects.requireNonNull(handle, "handle cannot be null"));
	}

	private InvalidTokenException reject(Reason reason, @Nullable String accountId) {
		logger.debug("Refused a token: {}", reason);
		this.events.publish(TokenEvent.Type.REJECTED, accountId, reason);
		return new InvalidTokenException(reason);
	}

	/**
	 * Builds an {@link OpaqueTokenService}. Not thread-safe; the service it builds is.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final TokenStore store;

		private Clock clock = Clock.systemUTC();

		private Duration touchInterval = Duration.ofMinutes(1);

		private int maxTokensPerAccount;

		private TokenListener listener = TokenListener.disabled();

		private TokenObservers observers = TokenObservers.none();

		private SecureRandom random = new SecureRandom();

		private Builder(TokenStore store) {
			this.store = Objects.requireNonNull(store, "store cannot be null");
		}

		/**
		 * The clock that decides expiry. Default: {@link Clock#systemUTC()}.
		 *
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock cannot be null");
			return this;
		}

		/**
		 * How old the stored last use must be before a use is written back. Zero writes on every use. Capped per token at
		 * half its idle timeout. Default: one minute.
		 *
		 * @param touchInterval the interval, zero or positive
		 * @return this builder
		 */
		public Builder touchInterval(Duration touchInterval) {
			this.touchInterval = Durations.requireNotNegative(touchInterval, "touchInterval");
			return this;
		}

		/**
		 * The most live tokens one account may hold; issuing one more drops the oldest. Zero means no cap. Default: no
		 * cap.
		 *
		 * @param maxTokensPerAccount the cap, zero or positive
		 * @return this builder
		 */
		public Builder maxTokensPerAccount(int maxTokensPerAccount) {
			if (maxTokensPerAccount < 0) {
				throw new IllegalArgumentException("maxTokensPerAccount cannot be negative");
			}
			this.maxTokensPerAccount = maxTokensPerAccount;
			return this;
		}

		/**
		 * Hears about issued, rejected, revoked and expired tokens. Default: {@link TokenListener#disabled()}.
		 *
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(TokenListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener cannot be null");
			return this;
		}

		/**
		 * Observes the service's revocations ({@link TokenObservers#revocations}); to observe its store calls too,
		 * build it over an {@link ObservedTokenStore}. Default: {@link TokenObservers#none()}.
		 *
		 * @param observers the observers
		 * @return this builder
		 */
		public Builder observers(TokenObservers observers) {
			this.observers = Objects.requireNonNull(observers, "observers cannot be null");
			return this;
		}

		/**
		 * Where the tokens' random bits come from. Default: a new {@link SecureRandom}.
		 *
		 * @param random a cryptographically strong random source
		 * @return this builder
		 */
		public Builder random(SecureRandom random) {
			this.random = Objects.requireNonNull(random, "random cannot be null");
			return this;
		}

		/**
		 * Builds the service.
		 *
		 * @return the service
		 */
		public OpaqueTokenService build() {
			return new OpaqueTokenService(this);
		}

	}

}
