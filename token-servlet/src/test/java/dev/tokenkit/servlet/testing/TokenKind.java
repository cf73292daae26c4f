package dev.tokenkit.servlet.testing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.jwt.JwtKey;
import dev.tokenkit.jwt.JwtTokenService;

/** The two kinds of token, so that the same HTTP suites run against both. */
public enum TokenKind {

	/** Opaque tokens with sliding idle expiry. */
	OPAQUE,

	/** Signed JWTs with absolute expiry (30 seconds of clock skew allowed). */
	JWT;

	/** A service of this kind over the given store and clock. */
	public TokenService service(TokenStore store, Clock clock) {
		return service(store, clock, TokenObservers.none());
	}

	/** A service of this kind over the given store and clock, observed. */
	public TokenService service(TokenStore store, Clock clock, TokenObservers observers) {
		return switch (this) {
			case OPAQUE -> OpaqueTokenService.builder(store).clock(clock).observers(observers).build();
			case JWT -> JwtTokenService.builder(store)
				.key(JwtKey.hs256("test-key", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)))
				.clock(clock)
				.observers(observers)
				.build();
		};
	}

	/** Whether a use moves the expiry (only opaque tokens slide). */
	public boolean slides() {
		return this == OPAQUE;
	}

}
