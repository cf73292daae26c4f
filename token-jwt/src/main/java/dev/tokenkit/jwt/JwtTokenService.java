package dev.tokenkit.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkit.core.ActiveToken;
import dev.tokenkit.core.InvalidTokenException.Reason;
import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.LiveToken;
import dev.tokenkit.core.TokenEvent;
import dev.tokenkit.core.TokenEventPublisher;
import dev.tokenkit.core.TokenOrigin;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.observation.TokenObserver;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.jwt.VerifiedTokens.Verified;

/**
 * A {@link TokenService} that issues signed JWTs (RFC 7519) with jjwt: {@code sub} (the account id), {@code iat},
 * {@code exp}, {@code jti}, {@code username}, {@code authorities}, and {@code iss}/{@code aud} when configured, with
 * the active key's {@code kid} in the header. Any node with the key set can check a token without a store lookup for
 * the token itself.
 *
 * <p>Design note: expiry is absolute. A token lives for its policy's idle timeout (the account's, else the endpoint's
 * default), capped by the policy's maximum lifetime and by {@link JwtTokenServiceBuilder#maxTokenLifetime(Duration)}; a
 * JWT cannot slide, so sliding idle expiry needs the {@link dev.tokenkit.core.opaque.OpaqueTokenService opaque
 * service}. Validation resolves the key by {@code kid} and accepts only that key's one algorithm, so {@code alg: none},
 * an HS token presented to an RSA key, an unknown {@code kid}, a tampered token, a wrong {@code iss} or {@code aud}, an
 * expired token (beyond the clock skew) or one not yet valid are all {@link InvalidTokenException}s. Revocation is kept
 * in the {@link TokenStore} ({@link JwtRevocations}): {@link #revoke(String)} stores the token's {@code jti} until the
 * token's own expiry, and {@link #revokeAll(String)} stores the moment from which the account's older tokens are
 * refused (tokens carry whole seconds, so a token issued in the same second as the call is refused too; nodes need
 * synchronised clocks). Each check therefore costs two store reads.
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

	private final Clock clock;

	private final JwtKeySet keys;

	private final Duration maxTokenLifetime;

	private final Duration clockSkew;

	private final TokenEventPublisher events;

	private final JwtSigner signer;

	private final JwtParser parser;

	private final JwtClaimsCheck claimsCheck;

	private final VerifiedTokens verified;

	private final JwtRevocations revocations;

	private final TokenObserver revokes;

	private final TokenObserver accountRevokes;

	JwtTokenService(JwtTokenServiceBuilder builder) {
		this.clock = builder.clock;
		this.keys = new JwtKeySet(builder.keys, Objects.requireNonNull(builder.activeKid));
		this.maxTokenLifetime = builder.maxTokenLifetime;
		// Whole seconds, as jjwt applies it, so that the verified-token cache never outlasts jjwt's own check.
		this.clockSkew = Duration.ofSeconds(builder.clockSkew.toSeconds());
		this.events = new TokenEventPublisher(builder.listener, builder.clock);
		this.signer = new JwtSigner(this.keys, builder.issuer, builder.audience, builder.random);
		JwtParserBuilder parser = Jwts.parser()
			.json(JacksonJwtJson.deserializer())
			// no compression: tokenkit never writes a zip header, and jjwt inflates a signed one in full (catalog W-27)
			.zip().clear().and()
			.keyLocator(this.keys)
			.clock(() -> Date.from(this.clock.instant()))
			.clockSkewSeconds(builder.clockSkew.toSeconds());
		if (builder.issuer != null) {
			parser.requireIssuer(builder.issuer);
		}
		if (builder.audience != null) {
			parser.requireAudience(builder.audience);
		}
		this.parser = parser.build();
		this.claimsCheck = new JwtClaimsCheck(this.clock, this.clockSkew, this.maxTokenLifetime);
		this.verified = new VerifiedTokens(this.clock, builder.verifiedCacheSize);
		this.revocations = new JwtRevocations(builder.store);
		this.revokes = builder.observers.revocations("revoke");
		this.accountRevokes = builder.observers.revocations("revoke_all");
	}

	/**
	 * Starts building a service whose revocations are kept in the given store.
	 *
	 * @param store where revoked {@code jti}s and account revocations are kept
	 * @return a builder
	 */
	public static JwtTokenServiceBuilder builder(TokenStore store) {
		return new JwtTokenServiceBuilder(store);
	}

	/** Signs a token; its origin is not kept, since the store holds no record of a JWT. */
	@Override
	public IssuedToken issue(Account account, TokenPolicy defaultPolicy, TokenOrigin origin) {
		TokenPolicy policy = Objects.requireNonNull(account, "account cannot be null").tokenPolicy(defaultPolicy);
		Objects.requireNonNull(origin, "origin cannot be null");
		Instant issuedAt = Instant.ofEpochSecond(this.clock.instant().getEpochSecond());
		Duration lifetime = shortest(policy.idleTimeout(), policy.maxLifetime(), this.maxTokenLifetime);
		Instant expiresAt = issuedAt.plus(lifetime);
		String token = this.signer.sign(account, issuedAt, expiresAt);
		TokenPrincipal principal = new TokenPrincipal(account.id(), account.username(), account.authorities());
		this.events.publish(TokenEvent.Type.ISSUED, account.id(), null);
		return new IssuedToken(token, principal, issuedAt, expiresAt);
	}

	@Override
	public TokenPrincipal authenticate(String token, Consumer<TokenPrincipal> check) {
		return unrevoked(token, check).principal();
	}

	/** Checks a token as {@link #authenticate(String)} does: a JWT has no use to count. */
	@Override
	public ActiveToken inspect(String token) {
		Verified entry = unrevoked(token, (principal) -> {
		});
		return new ActiveToken(entry.principal(), Instant.ofEpochMilli(entry.issuedAtMillis()),
				Instant.ofEpochMilli(entry.notAfterMillis()).minus(this.clockSkew));
	}

	/**
	 * The public keys of this service's key set, the signing key first, for a JWK Set endpoint: the keys that verify
	 * its tokens, so a key kept only to verify (after a rotation) is published until it is removed from the set.
	 *
	 * @return the JWK Set, empty when the keys are HS256 secrets
	 */
	public JwkSet jwkSet() {
		return JwkSet.of(this.keys.inOrder());
	}

	/** What a verification of a token proved, once it is known not revoked and has passed the caller's check. */
	private Verified unrevoked(String token, Consumer<TokenPrincipal> check) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			throw reject(Reason.MALFORMED, null);
		}
		TokenHash hash = TokenHash.of(token);
		Verified cached = this.verified.find(hash);
		Verified entry = (cached != null) ? cached : Verified.of(verify(token), this.clockSkew);
		if (this.revocations.isRevoked(entry.revocationKeys(), entry.issuedAtMillis())) {
			this.verified.forget(hash);
			throw reject(Reason.REVOKED, entry.principal().accountId());
		}
		check.accept(entry.principal());
		if (cached == null) {
			this.verified.put(hash, entry);
		}
		return entry;
	}

	@Override
	public boolean revoke(String token) {
		return this.events.revoked(this.revokes.observe(() -> revokeOne(token)));
	}

	/** Records a live token's revocation; returns its account's id, or {@code null} if it was not live. */
	private @Nullable String revokeOne(String token) {
		Claims claims;
		try {
			claims = verify(token);
		}
		catch (InvalidTokenException ex) {
			return null;
		}
		Instant until = claims.getExpiration().toInstant().plus(this.clockSkew).plusSeconds(1);
		if (!this.revocations.revokeToken(claims.getId(), this.clock.instant(), until)) {
			return null;
		}
		this.verified.forget(TokenHash.of(token));
		return claims.getSubject();
	}

	/**
	 * Records the moment before which the account's tokens are refused, moved forward (never back) by later calls and
	 * kept until every token issued before it has expired.
	 */
	@Override
	public int revokeAll(String accountId) {
		Objects.requireNonNull(accountId, "accountId cannot be null");
		Instant now = this.clock.instant();
		this.accountRevokes.observe(() -> {
			this.revocations.revokeAccount(accountId, now,
					now.plus(this.maxTokenLifetime).plus(this.clockSkew).plusSeconds(1));
			return null;
		});
		this.events.publish(TokenEvent.Type.ALL_REVOKED, accountId, null);
		return 0;
	}

	/** None: the store keeps only revocations of JWTs, not the tokens, so there is nothing to list. */
	@Override
	public List<LiveToken> liveTokens(String accountId, int max) {
		Objects.requireNonNull(accountId, "accountId cannot be null");
		if (max < 1) {
			throw new IllegalArgumentException("max must be at least 1");
		}
		return List.of();
	}

	/** Never: JWTs are not listed, so none has a handle. */
	@Override
	public boolean revokeByHandle(String accountId, String handle) {
		Objects.requireNonNull(accountId, "accountId cannot be null");
		Objects.requireNonNull(handle, "handle cannot be null");
		return false;
	}

	private Claims verify(@Nullable String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !CompactJws.isCanonical(token)) {
			throw reject(Reason.MALFORMED, null);
		}
		try {
			Claims claims = this.parser.parseSignedClaims(token).getPayload();
			if (!this.claimsCheck.hasExpectedClaims(claims)) {
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

	private static Duration shortest(Duration... durations) {
		Duration shortest = durations[0];
		for (Duration duration : durations) {
			shortest = (duration.compareTo(shortest) < 0) ? duration : shortest;
		}
		return shortest;
	}

	private InvalidTokenException reject(Reason reason, @Nullable String accountId) {
		logger.debug("Refused a JWT: {}", reason);
		this.events.publish(TokenEvent.Type.REJECTED, accountId, reason);
		return new InvalidTokenException(reason);
	}

}
