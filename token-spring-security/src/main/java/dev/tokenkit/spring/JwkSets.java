package dev.tokenkit.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.ClassUtils;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.jwt.JwkSet;
import dev.tokenkit.jwt.JwtTokenService;

/**
 * The JWK Set of a chain's token service, for its {@link dev.tokenkit.servlet.JwkSetEndpoint}: only a
 * {@link JwtTokenService} has one (token-jwt is an optional dependency, read only when a JWK Set is asked for).
 */
final class JwkSets {

	private static final Logger logger = LoggerFactory.getLogger(JwkSets.class);

	private static final String JWT_SERVICE = "dev.tokenkit.jwt.JwtTokenService";

	private JwkSets() {
	}

	/**
	 * The set's JSON; an empty set (HS256 secrets only) is served, with a warning, since secrets are never published.
	 *
	 * @throws IllegalStateException if the service does not issue JWTs
	 */
	static String json(TokenService tokens) {
		if (!ClassUtils.isPresent(JWT_SERVICE, JwkSets.class.getClassLoader())) {
			throw notJwt();
		}
		return Jwts.json(tokens);
	}

	private static IllegalStateException notJwt() {
		return new IllegalStateException("jwkSet(...) needs a JwtTokenService (dev.tokenkit:token-jwt): opaque tokens "
				+ "have no keys to publish");
	}

	/** Kept apart, so that token-jwt's classes are loaded only when it is on the classpath. */
	private static final class Jwts {

		static String json(TokenService tokens) {
			if (!(tokens instanceof JwtTokenService jwt)) {
				throw notJwt();
			}
			JwkSet set = jwt.jwkSet();
			if (set.kids().isEmpty()) {
				logger.warn("The JWK Set is empty: the JWT keys are HS256 secrets, which are never published; services "
						+ "that verify tokens with it need RS256, ES256 or EdDSA keys");
			}
			return set.json();
		}

	}

}
