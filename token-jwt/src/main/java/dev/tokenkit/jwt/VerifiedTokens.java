package dev.tokenkit.jwt;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.jsonwebtoken.Claims;
import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.store.TokenHash;

/**
 * The verified-token cache: what a token's full verification proved, kept in a bounded Caffeine cache under the
 * token's SHA-256 until the token's {@code exp} plus the clock skew, so that later checks of the same token skip the
 * signature and the JSON. A tampered token has another hash and is verified in full.
 */
final class VerifiedTokens {

	private final Clock clock;

	private final Cache<TokenHash, Verified> cache;

	VerifiedTokens(Clock clock, long maximumSize) {
		this.clock = clock;
		this.cache = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.ticker(() -> clock.millis() * 1_000_000L)
			.expireAfter(Expiry.<TokenHash, Verified>creating(
					(hash, entry) -> Duration.ofMillis(Math.max(0, entry.notAfterMillis() - clock.millis()))))
			.executor(Runnable::run)
			.build();
	}

	/** What an earlier verification of the token proved, if it still holds now. */
	@Nullable Verified find(TokenHash hash) {
		Verified cached = this.cache.getIfPresent(hash);
		return (cached == null || this.clock.millis() >= cached.notAfterMillis()) ? null : cached;
	}

	void put(TokenHash hash, Verified verified) {
		this.cache.put(hash, verified);
	}

	void forget(TokenHash hash) {
		this.cache.invalidate(hash);
	}

	/**
	 * What a full verification of a token proved: its principal, the moment from which it must be verified again
	 * ({@code exp} plus the clock skew), its {@code iat} and the keys of its revocation records.
	 */
	record Verified(TokenPrincipal principal, long notAfterMillis, long issuedAtMillis,
			JwtRevocations.Keys revocationKeys) {

		static Verified of(Claims claims, Duration clockSkew) {
			return new Verified(JwtClaimsCheck.principal(claims),
					claims.getExpiration().getTime() + clockSkew.toMillis(), claims.getIssuedAt().getTime(),
					JwtRevocations.Keys.of(claims.getId(), claims.getSubject()));
		}

	}

}
