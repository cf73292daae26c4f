package dev.tokenkit.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

import io.jsonwebtoken.Claims;

import dev.tokenkit.core.TokenPrincipal;

/**
 * The claims a token of ours always has, checked after its signature: {@code iat} and {@code exp}, an {@code iat} not
 * in the future (beyond the clock skew), a lifetime within the cap, string {@code jti}, {@code sub} and
 * {@code username}, and a list of string {@code authorities}. A token signed with the key but made some other way is
 * refused.
 *
 * @param clock the clock an {@code iat} is compared with
 * @param clockSkew how far in the future an {@code iat} may be
 * @param maxTokenLifetime the longest lifetime a token may claim
 */
record JwtClaimsCheck(Clock clock, Duration clockSkew, Duration maxTokenLifetime) {

	boolean hasExpectedClaims(Claims claims) {
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

	/** The principal of claims that passed {@link #hasExpectedClaims(Claims)}. */
	static TokenPrincipal principal(Claims claims) {
		List<String> names = new ArrayList<>();
		((Collection<?>) claims.get("authorities", Object.class)).forEach((authority) -> names.add((String) authority));
		return new TokenPrincipal(claims.getSubject(), (String) claims.get("username"), Set.copyOf(names));
	}

}
