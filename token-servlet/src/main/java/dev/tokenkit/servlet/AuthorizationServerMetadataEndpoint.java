package dev.tokenkit.servlet;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * Authorization server metadata in the style of RFC 8414, by default at
 * {@code GET /.well-known/oauth-authorization-server}: where the {@link JwkSetEndpoint JWK Set} ({@code jwks_uri}) and
 * the {@link IntrospectionEndpoint introspection endpoint} ({@code introspection_endpoint}, with
 * {@code client_secret_basic}) are, so that a resource server can be pointed at one document. tokenkit issues tokens
 * through its own dialects, not OAuth grants, so the members about authorization and token endpoints are absent.
 *
 * <p>The URLs are absolute, built from the request's scheme, host, port and context path as the container resolves them
 * (behind a proxy, let the container apply its forwarded headers), or from {@link #setBaseUrl(String)}. The
 * {@code issuer} is the configured one (the JWTs' {@code iss}), else that base URL.
 *
 * @since 0.1.0
 */
public final class AuthorizationServerMetadataEndpoint extends ServiceEndpoint {

	/** The default path (RFC 8414 section 3). */
	public static final String DEFAULT_PATH = "/.well-known/oauth-authorization-server";

	private @Nullable String issuer;

	private @Nullable String baseUrl;

	private @Nullable String jwkSetPath;

	private @Nullable String introspectionPath;

	/** Creates the endpoint at {@value #DEFAULT_PATH}, naming no other endpoint until told. */
	public AuthorizationServerMetadataEndpoint() {
		super(DEFAULT_PATH);
	}

	/**
	 * Sets the {@code issuer}, for example the JWTs' {@code iss}. Default: the base URL.
	 *
	 * @param issuer the issuer, or {@code null} for the base URL
	 */
	public void setIssuer(@Nullable String issuer) {
		this.issuer = issuer;
	}

	/**
	 * Sets the base URL the endpoints' URLs start with, for example {@code https://auth.example.com/app}. Default:
	 * the request's scheme, host, port and context path.
	 *
	 * @param baseUrl the base URL without a trailing {@code /}, or {@code null}
	 */
	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = (baseUrl != null && baseUrl.endsWith("/")) ? baseUrl.substring(0, baseUrl.length() - 1)
				: baseUrl;
	}

	/**
	 * Names the JWK Set endpoint in {@code jwks_uri}.
	 *
	 * @param jwkSet the endpoint, or {@code null} when none is served
	 */
	public void setJwkSet(@Nullable JwkSetEndpoint jwkSet) {
		this.jwkSetPath = (jwkSet != null) ? jwkSet.path() : null;
	}

	/**
	 * Names the introspection endpoint in {@code introspection_endpoint}.
	 *
	 * @param introspection the endpoint, or {@code null} when none is served
	 */
	public void setIntrospection(@Nullable IntrospectionEndpoint introspection) {
		this.introspectionPath = (introspection != null) ? introspection.path() : null;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
		answers().serve("metadata", request, response, () -> {
			OAuthAnswers.requireGet(request);
			String base = Objects.requireNonNullElseGet(this.baseUrl, () -> requestBase(request));
			Map<String, Object> metadata = new LinkedHashMap<>();
			metadata.put("issuer", Objects.requireNonNullElse(this.issuer, base));
			if (this.jwkSetPath != null) {
				metadata.put("jwks_uri", base + this.jwkSetPath);
			}
			if (this.introspectionPath != null) {
				metadata.put("introspection_endpoint", base + this.introspectionPath);
				metadata.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic"));
			}
			answers().write(response, 200, OAuthAnswers.JSON_TYPE, OAuthAnswers.json(metadata), "no-cache");
		});
	}

	private static String requestBase(HttpServletRequest request) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
		String host = request.getServerName();
		String authority = (host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host;
		return scheme + "://" + authority + (defaultPort ? "" : ":" + port) + request.getContextPath();
	}

}
