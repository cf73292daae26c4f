package dev.tokenkit.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tokenkit.core.Durations;
import dev.tokenkit.servlet.error.TokenErrors;

/**
 * Publishes the public keys that verify tokenkit's JWTs as a JWK Set (RFC 7517), by default at
 * {@code GET /.well-known/jwks.json}, so that another service verifies the tokens with stock tooling (Spring Security's
 * {@code NimbusJwtDecoder} with a {@code jwk-set-uri}). The set is the one {@code JwtTokenService.jwkSet()} gives:
 * asymmetric keys only, never a secret. Answers may be cached for {@link #setMaxAge(Duration) max-age}; a verifier that
 * meets an unknown {@code kid} fetches the set again, so a new signing key is picked up at once.
 *
 * @since 0.1.0
 */
public final class JwkSetEndpoint implements TokenEndpoint {

	/** The default path. */
	public static final String DEFAULT_PATH = "/.well-known/jwks.json";

	/** The JWK Set media type (RFC 7517 section 8.5.1). */
	static final String CONTENT_TYPE = "application/jwk-set+json";

	private final String json;

	private String path = DEFAULT_PATH;

	private Duration maxAge = Duration.ofMinutes(5);

	private OAuthAnswers answers = new OAuthAnswers(TokenErrors.DEFAULT_REALM);

	/**
	 * Creates the endpoint.
	 *
	 * @param jwkSetJson the JWK Set as JSON, for example {@code jwtTokenService.jwkSet().json()}
	 */
	public JwkSetEndpoint(String jwkSetJson) {
		this.json = Objects.requireNonNull(jwkSetJson, "jwkSetJson cannot be null");
	}

	/**
	 * Sets the path. Default: {@value #DEFAULT_PATH}.
	 *
	 * @param path the context-relative path, starting with {@code /}
	 */
	public void setPath(String path) {
		this.path = EndpointSettings.requirePath(path, "path");
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

	/**
	 * Sets the realm named in challenges. Default: {@code tokenkit}.
	 *
	 * @param realm the realm, letters, digits and {@code -._ } only
	 */
	public void setRealm(String realm) {
		this.answers = new OAuthAnswers(realm);
	}

	/**
	 * The path this endpoint answers.
	 *
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	@Override
	public List<String> paths() {
		return List.of(this.path);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
		this.answers.serve("JWK Set", request, response, () -> {
			OAuthAnswers.requireGet(request);
			String cacheControl = this.maxAge.isZero() ? "no-cache" : "public, max-age=" + this.maxAge.toSeconds();
			this.answers.write(response, 200, CONTENT_TYPE, this.json, cacheControl);
		});
	}

}
