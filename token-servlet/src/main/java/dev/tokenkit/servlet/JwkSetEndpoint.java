package dev.tokenkit.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tokenkit.core.Durations;

/**
 * Publishes the public keys that verify tokenkit's JWTs as a JWK Set (RFC 7517), by default at
 * {@code GET /.well-known/jwks.json}, so that another service verifies the tokens with stock tooling (Spring Security's
 * {@code NimbusJwtDecoder} with a {@code jwk-set-uri}). The set is the one {@code JwtTokenService.jwkSet()} gives:
 * asymmetric keys only, never a secret. Answers may be cached for {@link #setMaxAge(Duration) max-age}; a verifier that
 * meets an unknown {@code kid} fetches the set again, so a new signing key is picked up at once.
 *
 * @since 0.1.0
 */
public final class JwkSetEndpoint extends ServiceEndpoint {

	/** The default path. */
	public static final String DEFAULT_PATH = "/.well-known/jwks.json";

	/** The JWK Set media type (RFC 7517 section 8.5.1). */
	static final String CONTENT_TYPE = "application/jwk-set+json";

	private final String json;

	private Duration maxAge = Duration.ofMinutes(5);

	/**
	 * Creates the endpoint.
	 *
	 * @param jwkSetJson the JWK Set as JSON, for example {@code jwtTokenService.jwkSet().json()}
	 */
	public JwkSetEndpoint(String jwkSetJson) {
		super(DEFAULT_PATH);
		this.json = Objects.requireNonNull(jwkSetJson, "jwkSetJson cannot be null");
	}

	/**
	 * Sets how long clients and proxies may cache the set ({@code Cache-Control: public, max-age}). Default: five
	 * minutes. Keep a retired key in the key set for at least this long after its last token expired.
	 *
	 * @param maxAge the duration, zero or positive (zero: {@code no-cache})
	 */
	public void setMaxAge(Duration maxAge) {
		this.maxAge = Durations.requireNotNegative(maxAge, "maxAge");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
		answers().serve("JWK Set", request, response, () -> {
			OAuthAnswers.requireGet(request);
			String cacheControl = this.maxAge.isZero() ? "no-cache" : "public, max-age=" + this.maxAge.toSeconds();
			answers().write(response, 200, CONTENT_TYPE, this.json, cacheControl);
		});
	}

}
