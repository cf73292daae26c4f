package dev.tokenkit.core.jwt;

import java.security.Key;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.InvalidTokenException.Reason;
import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.TokenEvent;
import dev.tokenkit.core.TokenEventPublisher;
import dev.tokenkit.core.TokenListener;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;
import dev.tokenkit.core.store.TokenStore;

/**
 * A {@link TokenService} that issues signed JWTs (RFC 7519) with jjwt: {@code sub} (the account id), {@code iat},
 * {@code exp}, {@code jti}, {@code username}, {@code authorities}, and {@code iss}/{@code aud} when configured, with the
 * active key's {@code kid} in the header. Any node with the key set can check a token without a store lookup for the
 * token itself.
 *
 * <p>Design note: expiry is absolute. A token lives for its policy's idle timeout (the account's, else the endpoint's
 * default), capped by the policy's maximum lifetime and by {@link Builder#maxTokenLifetime(Duration)}; a JWT cannot
 * slide, so sliding idle expiry needs the {@link dev.tokenkit.core.opaque.OpaqueTokenService opaque service}.
 * Validation resolves the key by {@code kid} and accepts only that key's one algorithm, so {@code alg: none}, an HS
 * token presented to an RSA key, an unknown {@code kid}, a tampered token, a wrong {@code iss} or {@code aud}, an
 * expired token (beyond the clock skew) or one not yet valid are all {@link InvalidTokenException}s. Revocation is
 * kept in the {@link TokenStore}: {@link #revoke(String)} stores the token's {@code jti} until the token's own expiry,
 * and {@link #revokeAll(String)} stores the moment from which the account's older tokens are refused (tokens carry
 * whole seconds, so a token issued in the same second as the call is refused too; nodes need synchronised clocks).
 * Each check therefore costs two store reads.
 *
 * <p>A token's first check verifies it in full (signature, header, claims); what it proved is then kept in a bounded
 * verified-token cache under the token's SHA-256 until the token's expiry (plus the clock skew), so that later checks
 * of the same token cost its hash, a cache read and the two revocation reads, not a signature and a JSON parse. A
 * tampered token has another hash and is verified in full; a revoked token is refused on its next check, cached or not,
 * and dropped from the cache. Tokens are typed {@code at+jwt} (RFC 9068) and a token of another type,
 * an {@code iat} in the future, a lifetime over the cap or claims of the wrong JSON type are refused even when the
 * signature is good.
 *
 * @since 0.1.0
 */
public final class JwtTokenService implements TokenService {

	private static final Logger logger = LoggerFactory.getLogger(JwtTokenService.class);

	private static final int MAX_TOKEN_LENGTH = 8 * 1024;

	/** The account id revocation records are kept under. */
	private static final String REVOCATIONS = "[jwt-revocations]";

	private final TokenStore store;

	private final Clock clock;

	private final JwtKeySet keys;

	private final @Nullable String issuer;

	private final @Nullable String audience;

	private final Duration maxTokenLifetime;

	private final Duration clockSkew;

	private final TokenEventPublisher events;

	private final SecureRandom random;

	private final JwtParser parser;

	private final Cache<TokenHash, Verified> verified;

	private JwtTokenService(Builder builder) {
		this.store = builder.store;
		this.clock = builder.clock;
		this.keys = new JwtKeySet(builder.keys, builder.activeKid);
		this.issuer = builder.issuer;
		this.audience = builder.audience;
		this.maxTokenLifetime = builder.maxTokenLifetime;
		// Whole seconds, as jjwt applies it, so that the verified-token cache never outlasts jjwt's own check.
		this.clockSkew = Duration.ofSeconds(builder.clockSkew.toSeconds());
		this.events = new TokenEventPublisher(builder.listener, builder.clock);
		this.random = builder.random;
		JwtParserBuilder parser = Jwts.parser()
			.json(JacksonJwtJson.deserializer())
			// no compression: tokenkit never writes a zip header, and jjwt inflates a signed one in full (catalog W-27)
			.zip().clear().and()
			.keyLocator(this.keys)
			.clock(() -> Date.from(this.clock.instant()))
			.clockSkewSeconds(builder.clockSkew.toSeconds());
		if (this.issuer != null) {
			parser.requireIssuer(this.issuer);
		}
		if (this.audience != null) {
			parser.requireAudience(this.audience);
		}
		this.parser = parser.build();
		this.verified = Caffeine.newBuilder()
			.maximumSize(builder.verifiedCacheSize)
			.ticker(() -> this.clock.millis() * 1_000_000L)
			.expireAfter(Expiry.<TokenHash, Verified>creating(
					(hash, entry) -> Duration.ofMillis(Math.max(0, entry.notAfterMillis() - this.clock.millis()))))
			.executor(Runnable::run)
			.build();
	}

	/**
	 * Starts building a service whose revocations are kept in the given store.
	 *
	 * @param store where revoked {@code jti}s and account revocations are kept
	 * @return a builder
	 */
	public static Builder builder(TokenStore store) {
		return new Builder(store);
	}

	@Override
	@SuppressWarnings("unchecked") // each key's algorithm matches its own key type, as JwtKey's factories make it
	public IssuedToken issue(Account account, TokenPolicy defaultPolicy) {
		Objects.requireNonNull(account, "account cannot be null");
		Objects.requireNonNull(defaultPolicy, "defaultPolicy cannot be null");
		if (!account.enabled()) {
			throw new IllegalArgumentException("Cannot issue a token for a disabled account");
		}
		TokenPolicy policy = (account.policy() != null) ? account.policy() : defaultPolicy;
		Instant issuedAt = Instant.ofEpochSecond(this.clock.instant().getEpochSecond());
		Duration lifetime = shortest(policy.idleTimeout(), policy.maxLifetime(), this.maxTokenLifetime);
		Instant expiresAt = issuedAt.plus(lifetime);
		JwtKey key = this.keys.active();
		var builder = Jwts.builder()
			.json(JacksonJwtJson.serializer())
			.header()
			.keyId(key.kid())
			.type(JwtKeySet.ACCESS_TOKEN_TYPE)
			.and()
			.id(newJti())
			.subject(account.id())
			.issuedAt(Date.from(issuedAt))
			.expiration(Date.from(expiresAt))
			.claim("username", account.username())
			.claim("authorities", List.copyOf(account.authorities()));
		if (this.issuer != null) {
			builder.issuer(this.issuer);
		}
		if (this.audience != null) {
			builder.audience().add(this.audience);
		}
		String token = builder.signWith(Objects.requireNonNull(key.signingKey()),
				(SecureDigestAlgorithm<Key, ?>) key.algorithm()).compact();
		TokenPrincipal principal = new TokenPrincipal(account.id(), account.username(), account.authorities());
		publish(TokenEvent.Type.ISSUED, account.id(), null);
		return new IssuedToken(token, principal, issuedAt, expiresAt);
	}

	@Override
	public TokenPrincipal authenticate(String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			throw reject(Reason.MALFORMED, null);
		}
		TokenHash hash = TokenHash.of(token);
		Verified cached = this.verified.getIfPresent(hash);
		boolean fresh = cached == null || this.clock.millis() >= cached.notAfterMillis();
		Verified entry = fresh ? Verified.of(verify(token), this.clockSkew) : cached;
		if (isRevoked(entry)) {
			this.verified.invalidate(hash);
			throw reject(Reason.REVOKED, entry.principal().accountId());
		}
		if (fresh) {
			this.verified.put(hash, entry);
		}
		return entry.principal();
	}

	@Override
	public boolean revoke(String token) {
		Claims claims;
		try {
			claims = verify(token);
		}
		catch (InvalidTokenException ex) {
			return false;
		}
		TokenHash hash = jtiMarker(claims.getId());
		if (this.store.find(hash) != null) {
			return false;
		}
		Instant until = claims.getExpiration().toInstant().plus(this.clockSkew).plusSeconds(1);
		if (!saveOnce(marker(hash, this.clock.instant(), until))) {
			return false;
		}
		this.verified.invalidate(TokenHash.of(token));
		publish(TokenEvent.Type.REVOKED, claims.getSubject(), null);
		return true;
	}

	/**
	 * Records the moment before which the account's tokens are refused: one record per account whose last use is that
	 * moment, moved forward (never back) by later calls, and kept until every token issued before it has expired.
	 */
	@Override
	public int revokeAll(String accountId) {
		Objects.requireNonNull(accountId, "accountId cannot be null");
		Instant now = this.clock.instant();
		TokenHash hash = accountMarker(accountId);
		TokenRecord existing = this.store.find(hash);
		if (existing != null && !existing.isAliveAt(now)) {
			this.store.remove(hash);
		}
		saveOnce(marker(hash, now, now.plus(this.maxTokenLifetime).plus(this.clockSkew).plusSeconds(1)));
		this.store.touch(hash, now);
		publish(TokenEvent.Type.REVOKED, accountId, null);
		return 0;
	}

	/** Saves a marker unless another request saved the same one first. */
	private boolean saveOnce(TokenRecord marker) {
		try {
			this.store.save(marker);
			return true;
		}
		catch (IllegalStateException duplicate) {
			return false;
		}
	}

	private Claims verify(@Nullable String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !isCanonicalCompact(token)) {
			throw reject(Reason.MALFORMED, null);
		}
		try {
			Claims claims = this.parser.parseSignedClaims(token).getPayload();
			if (!hasExpectedClaims(claims)) {
				throw reject(Reason.BAD_SIGNATURE, null);
			}
			return claims;
		}
		catch (ExpiredJwtException ex) {
			throw reject(Reason.EXPIRED, ex.getClaims().getSubject());
		}
		catch (JwtException | IllegalArgumentException | ClassCastException ex) {
			throw reject(Reason.BAD_SIGNATURE, null);
		}
	}

	/**
	 * Whether the token is a compact JWS written the one way we write it: three base64url parts without padding, each
	 * of a length base64 can have, whose last character carries no stray low bits. A decoder ignores padding and those
	 * bits, so without this check one signed token would have other spellings that a client could present as distinct
	 * tokens (catalog O-12, W-10).
	 */
	static boolean isCanonicalCompact(String token) {
		int dots = 0;
		int partStart = 0;
		for (int i = 0; i <= token.length(); i++) {
			if (i == token.length() || token.charAt(i) == '.') {
				if (!isCanonicalPart(token, partStart, i)) {
					return false;
				}
				dots++;
				partStart = i + 1;
			}
		}
		return dots == 3;
	}

	private static boolean isCanonicalPart(String token, int start, int end) {
		int length = end - start;
		if (length == 0 || length % 4 == 1) {
			return false;
		}
		int last = 0;
		for (int i = start; i < end; i++) {
			last = base64urlValue(token.charAt(i));
			if (last < 0) {
				return false;
			}
		}
		int strayBits = (length % 4 == 2) ? 0x0F : (length % 4 == 3) ? 0x03 : 0;
		return (last & strayBits) == 0;
	}

	private static int base64urlValue(char c) {
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a' + 26;
		}
		if (c >= '0' && c <= '9') {
			return c - '0' + 52;
		}
		return (c == '-') ? 62 : (c == '_') ? 63 : -1;
	}

	/**
	 * The claims a token of ours always has: {@code iat} and {@code exp}, an {@code iat} not in the future, a lifetime
	 * within the cap, string {@code jti}, {@code sub} and {@code username}, and a list of string {@code authorities}. A
	 * token signed with the key but made some other way is refused.
	 */
	private boolean hasExpectedClaims(Claims claims) {
		Date iat = claims.getIssuedAt();
		Date exp = claims.getExpiration();
		if (iat == null || exp == null || !(claims.get("jti", Object.class) instanceof String)
				|| !(claims.get("sub", Object.class) instanceof String)
				|| !(claims.get("username", Object.class) instanceof String)
				|| !(claims.get("authorities", Object.class) instanceof Collection<?> authorities)
				|| !authorities.stream().allMatch(String.class::isInstance)) {
			return false;
		}
		Instant latestIssue = this.clock.instant().plus(this.clockSkew);
		return !iat.toInstant().isAfter(latestIssue)
				&& !exp.toInstant().isAfter(iat.toInstant().plus(this.maxTokenLifetime));
	}

	private boolean isRevoked(Verified entry) {
		if (this.store.find(entry.jtiMarker()) != null) {
			return true;
		}
		TokenRecord accountRevocation = this.store.find(entry.accountMarker());
		return accountRevocation != null && entry.issuedAtMillis() <= accountRevocation.lastUsedAtMillis();
	}

	private static TokenPrincipal principal(Claims claims) {
		List<String> names = new ArrayList<>();
		((Collection<?>) claims.get("authorities", Object.class)).forEach((authority) -> names.add((String) authority));
		return new TokenPrincipal(claims.getSubject(), (String) claims.get("username"), Set.copyOf(names));
	}

	/**
	 * A revocation record: kept under its own account id, so that no store operation on the real account (a cap, a
	 * {@code removeAll}) ever deletes it; its idle timeout is the whole retention, so that moving its last use forward
	 * extends it.
	 */
	private static TokenRecord marker(TokenHash hash, Instant at, Instant until) {
		Duration retention = Duration.between(at, until);
		return new TokenRecord(hash, new TokenPrincipal(REVOCATIONS, REVOCATIONS, Set.of()), at, at, retention,
				at.plus(Duration.ofDays(3650)));
	}

	private static TokenHash jtiMarker(String jti) {
		return TokenHash.of("jwt-revoked-jti:" + jti);
	}

	private static TokenHash accountMarker(String accountId) {
		return TokenHash.of("jwt-revoked-account:" + accountId);
	}

	private String newJti() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static Duration shortest(Duration... durations) {
		Duration shortest = durations[0];
		for (Duration duration : durations) {
			shortest = (duration.compareTo(shortest) < 0) ? duration : shortest;
		}
		return shortest;
	}

	private InvalidTokenException reject(Reason reason, @Nullable String accountId) {
		logger.debug("Refused a JWT: {}", reason);
		publish(TokenEvent.Type.REJECTED, accountId, reason);
		return new InvalidTokenException(reason);
	}

	private void publish(TokenEvent.Type type, @Nullable String accountId, @Nullable Reason reason) {
		this.events.publish(type, accountId, reason);
	}

	/**
	 * What a full verification of a token proved, kept in the verified-token cache: its principal, the moment from
	 * which it must be verified again ({@code exp} plus the clock skew), its {@code iat}, and the keys of its two
	 * revocation records.
	 */
	private record Verified(TokenPrincipal principal, long notAfterMillis, long issuedAtMillis, TokenHash jtiMarker,
			TokenHash accountMarker) {

		static Verified of(Claims claims, Duration clockSkew) {
			return new Verified(JwtTokenService.principal(claims), claims.getExpiration().getTime() + clockSkew.toMillis(),
					claims.getIssuedAt().getTime(), JwtTokenService.jtiMarker(claims.getId()),
					JwtTokenService.accountMarker(claims.getSubject()));
		}

	}

	/**
	 * Builds a {@link JwtTokenService}. Not thread-safe; the service it builds is.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final TokenStore store;

		private final Map<String, JwtKey> keys = new LinkedHashMap<>();

		private @Nullable String activeKid;

		private Clock clock = Clock.systemUTC();

		private Duration clockSkew = Duration.ofSeconds(30);

		private Duration maxTokenLifetime = TokenPolicy.DEFAULT_MAX_LIFETIME;

		private @Nullable String issuer;

		private @Nullable String audience;

		private TokenListener listener = TokenListener.disabled();

		private SecureRandom random = new SecureRandom();

		private long verifiedCacheSize = 10_000;

		private Builder(TokenStore store) {
			this.store = Objects.requireNonNull(store, "store cannot be null");
		}

		/**
		 * Adds a key to the set; the first key with a signing key becomes the active one unless
		 * {@link #activeKey(String)} says otherwise.
		 *
		 * @param key the key
		 * @return this builder
		 */
		public Builder key(JwtKey key) {
			Objects.requireNonNull(key, "key cannot be null");
			if (this.keys.putIfAbsent(key.kid(), key) != null) {
				throw new IllegalArgumentException("Two keys have the kid " + key.kid());
			}
			return this;
		}

		/**
		 * Names the key new tokens are signed with. Default: the first key added that can sign.
		 *
		 * @param kid the active key's id
		 * @return this builder
		 */
		public Builder activeKey(String kid) {
			this.activeKid = Objects.requireNonNull(kid, "kid cannot be null");
			return this;
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
		 * How far {@code exp} and {@code nbf} may be off between nodes. Default: 30 seconds.
		 *
		 * @param clockSkew the skew, whole seconds
		 * @return this builder
		 */
		public Builder clockSkew(Duration clockSkew) {
			Objects.requireNonNull(clockSkew, "clockSkew cannot be null");
			if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
				throw new IllegalArgumentException("clockSkew must be between 0 and 5 minutes");
			}
			this.clockSkew = clockSkew;
			return this;
		}

		/**
		 * The longest any token may live, whatever its policy; also how long an account revocation is kept. Default:
		 * 24 hours.
		 *
		 * @param maxTokenLifetime the cap
		 * @return this builder
		 */
		public Builder maxTokenLifetime(Duration maxTokenLifetime) {
			Objects.requireNonNull(maxTokenLifetime, "maxTokenLifetime cannot be null");
			if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
				throw new IllegalArgumentException("maxTokenLifetime must be positive");
			}
			this.maxTokenLifetime = maxTokenLifetime;
			return this;
		}

		/**
		 * Writes and requires this {@code iss}. Default: none.
		 *
		 * @param issuer the issuer
		 * @return this builder
		 */
		public Builder issuer(String issuer) {
			this.issuer = Objects.requireNonNull(issuer, "issuer cannot be null");
			return this;
		}

		/**
		 * Writes and requires this {@code aud}. Default: none.
		 *
		 * @param audience the audience
		 * @return this builder
		 */
		public Builder audience(String audience) {
			this.audience = Objects.requireNonNull(audience, "audience cannot be null");
			return this;
		}

		/**
		 * Hears about issued, rejected and revoked tokens. Default: {@link TokenListener#disabled()}.
		 *
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(TokenListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener cannot be null");
			return this;
		}

		/**
		 * Where {@code jti}s come from. Default: a new {@link SecureRandom}.
		 *
		 * @param random the random source
		 * @return this builder
		 */
		public Builder random(SecureRandom random) {
			this.random = Objects.requireNonNull(random, "random cannot be null");
			return this;
		}

		/**
		 * How many verified tokens the service remembers, so that their next checks skip the signature; the least
		 * useful are dropped beyond it. Default: 10,000 (a few megabytes). Zero verifies every check in full.
		 *
		 * @param verifiedCacheSize the bound, zero or positive
		 * @return this builder
		 */
		public Builder verifiedCacheSize(long verifiedCacheSize) {
			if (verifiedCacheSize < 0) {
				throw new IllegalArgumentException("verifiedCacheSize cannot be negative");
			}
			this.verifiedCacheSize = verifiedCacheSize;
			return this;
		}

		/**
		 * Builds the service.
		 *
		 * @return the service
		 * @throws IllegalStateException if no key can sign, or the active key is unknown or cannot sign
		 */
		public JwtTokenService build() {
			if (this.activeKid == null) {
				this.activeKid = this.keys.values()
					.stream()
					.filter((key) -> key.signingKey() != null)
					.map(JwtKey::kid)
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("A JwtTokenService needs a key that can sign: add one "
							+ "with key(JwtKey.hs256(kid, secret)) or another JwtKey factory"));
			}
			this.keys.values().forEach(JwtKeySet::checkSignsAndVerifies);
			return new JwtTokenService(this);
		}

	}

}
