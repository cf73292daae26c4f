package dev.tokenkit.boot;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * tokenkit's settings under {@code tokenkit.*}: the kind of token and its lifetimes, the store, the JWT keys, the
 * dialects and their paths, the api-key rule, the login throttle and the realm. Unset values keep the library's
 * defaults.
 *
 * @param autoApply whether to add tokenkit to every Spring Security chain the app builds (Spring Security applies the
 *     starter's Customizer&lt;HttpSecurity&gt; to each); false: add it to chosen chains with http.with(tokenKit(),
 *     withDefaults()). The tokenkit.* properties apply either way.
 * @param realm the realm named in WWW-Authenticate challenges: 1 to 64 letters, digits, spaces, '.', '_' or '-'
 * @param token the tokens issued
 * @param store where tokens, or for JWTs their revocations, are kept
 * @param jwt the keys, issuer and audience of JWTs (tokenkit.token.kind=jwt)
 * @param dsi the DSI dialect (GET /authentication_token)
 * @param globalgiving the GlobalGiving dialect (POST /api/userservice/tokens)
 * @param apiKey the api-key rule of secure requests
 * @param loginThrottle the login throttle of both dialects, shared by the nodes of a JDBC or Redis store
 * @param jetty what tokenkit changes on embedded Jetty
 * @param jwkSet the JWK Set endpoint, for services that verify JWTs themselves
 * @param introspection the token introspection endpoint (RFC 7662), for services that ask
 * @param metadata the authorization server metadata endpoint, naming the other two
 * @since 0.1.0
 */
@ConfigurationProperties("tokenkit")
public record TokenKitProperties(@DefaultValue("true") boolean autoApply, @DefaultValue("tokenkit") String realm,
		@DefaultValue Token token, @DefaultValue Store store, @DefaultValue Jwt jwt, @DefaultValue Dsi dsi,
		@DefaultValue GlobalGiving globalgiving, @DefaultValue ApiKey apiKey, @DefaultValue LoginThrottle loginThrottle,
		@DefaultValue Jetty jetty, @DefaultValue JwkSet jwkSet, @DefaultValue Introspection introspection,
		@DefaultValue Metadata metadata) {

	/** The kind of token issued. */
	public enum TokenKind {

		/** Random tokens looked up in the store on every request. */
		OPAQUE,

		/** Signed JWTs checked by signature, their revocations kept in the store (needs token-jwt). */
		JWT

	}

	/** Where tokens (or, for JWTs, their revocations) are kept. */
	public enum StoreType {

		/** In this JVM: one node only, lost on restart. */
		MEMORY,

		/** In the app's DataSource (H2 or PostgreSQL), table tk_tokens. */
		JDBC,

		/**
		 * In Redis (standalone, Sentinel or cluster), on the app's own spring.data.redis client (needs token-redis and
		 * spring-boot-data-redis).
		 */
		REDIS

	}

	/** When the JDBC store creates its tables. */
	public enum SchemaInitialization {

		/** Only in an embedded database. */
		EMBEDDED,

		/** In every database, where they are missing. */
		ALWAYS,

		/** Never: the app's own migrations create them. */
		NEVER

	}

	/**
	 * The tokens issued.
	 *
	 * @param kind opaque or jwt
	 * @param idleTimeout how long a token lives without use, for accounts with no timeout of their own; unset: each
	 *     dialect's default (DSI 30 minutes, GlobalGiving 10 hours)
	 * @param maxLifetime the longest a token lives from issuance however often it is used; unset: 24 hours (never less
	 *     than the idle timeout)
	 * @param touchInterval how old an opaque token's recorded last use must be before a use is written back to the
	 *     store
	 */
	public record Token(@DefaultValue("opaque") TokenKind kind, @Nullable Duration idleTimeout,
			@Nullable Duration maxLifetime, @DefaultValue("1m") Duration touchInterval) {
	}

	/**
	 * The token store.
	 *
	 * @param type memory, jdbc or redis
	 * @param timeout how long one store call may take before the store counts as unavailable (HTTP 503)
	 * @param slowThreshold how long the health indicator's look-up may take before it reports the store SLOW
	 * @param jdbc the JDBC store
	 * @param redis the Redis store
	 */
	public record Store(@DefaultValue("memory") StoreType type, @DefaultValue("2s") Duration timeout,
			@DefaultValue("500ms") Duration slowThreshold, @DefaultValue Jdbc jdbc, @DefaultValue Redis redis) {
	}

	/**
	 * The JDBC store, on the app's DataSource.
	 *
	 * @param initializeSchema when to create the tk_accounts, tk_tokens and login throttle tables: embedded, always or
	 *     never
	 * @param purgeInterval how often expired tokens are deleted from tk_tokens, and ended login throttle counts from
	 *     tk_login_attempts and tk_login_attempts_in_flight
	 */
	public record Jdbc(@DefaultValue("embedded") SchemaInitialization initializeSchema,
			@DefaultValue("5m") Duration purgeInterval) {
	}

	/**
	 * The Redis store, on the app's spring.data.redis client.
	 *
	 * @param keyPrefix the prefix of every key the store writes, to share a Redis database with other data
	 */
	public record Redis(@DefaultValue("tokenkit:") String keyPrefix) {
	}

	/**
	 * Signed tokens (tokenkit.token.kind=jwt).
	 *
	 * @param secret an HS256 secret, base64, at least 32 bytes once decoded; unset with no keys: a random secret at
	 *     each start (tokens do not survive a restart, nodes do not share them)
	 * @param secretKid the key id (kid) of the HS256 secret
	 * @param keys asymmetric keys (RS256, ES256, EdDSA) from PEM files; the first signs, every one verifies
	 * @param issuer the iss claim of issued tokens, required on tokens checked
	 * @param audience the aud claim of issued tokens, required on tokens checked
	 */
	public record Jwt(@Nullable String secret, @DefaultValue("hs256") String secretKid, @DefaultValue List<Key> keys,
			@Nullable String issuer, @Nullable String audience) {

		@Override
		public String toString() {
			return "Jwt[secret=" + ((this.secret != null) ? "(set)" : "(none)") + ", keys=" + this.keys + "]";
		}

	}

	/**
	 * One asymmetric JWT key pair: from PEM files, or from a key store entry.
	 *
	 * @param kid the key id (kid) written into the tokens it signs
	 * @param algorithm RS256, ES256 or EdDSA
	 * @param privateKey the private key, PEM PKCS#8 ("BEGIN PRIVATE KEY"), for example classpath:jwt/private.pem
	 * @param publicKey the public key, PEM X.509 ("BEGIN PUBLIC KEY")
	 * @param keyStore instead of the PEM files: a key store (PKCS#12 or JKS) holding the pair and its certificate
	 * @param keyStorePassword the key store's password, also the key's
	 * @param keyStoreType the key store's type
	 * @param alias the entry's alias in the key store
	 */
	public record Key(@Nullable String kid, @Nullable String algorithm, @Nullable Resource privateKey,
			@Nullable Resource publicKey, @Nullable Resource keyStore, @Nullable String keyStorePassword,
			@DefaultValue("PKCS12") String keyStoreType, @Nullable String alias) {

		@Override
		public String toString() {
			return "Key[kid=" + this.kid + ", algorithm=" + this.algorithm + "]";
		}

	}

	/**
	 * The DSI dialect.
	 *
	 * @param enabled whether to serve it
	 * @param tokenPath the token path; .json, .xml and .csv are served after it too
	 * @param credentialsPath the path of the POST credentials form
	 * @param queryCredentials whether credentials are accepted in the query string
	 * @param jsonp whether JSONP answers (?callback=...) are served
	 */
	public record Dsi(@DefaultValue("true") boolean enabled, @DefaultValue("/authentication_token") String tokenPath,
			@DefaultValue("/authentication_credentials") String credentialsPath,
			@DefaultValue("true") boolean queryCredentials, @DefaultValue("true") boolean jsonp) {
	}

	/**
	 * The GlobalGiving dialect, whose logins carry an api key.
	 *
	 * @param enabled whether to serve it; unset: served when the app defines an ApiKeyVerifier or a tokenkit
	 *     Authenticator bean
	 * @param path the token path
	 */
	public record GlobalGiving(@Nullable Boolean enabled, @DefaultValue("/api/userservice/tokens") String path) {
	}

	/**
	 * The api-key rule of secure requests.
	 *
	 * @param requiredPaths path patterns (for example /api/secure/givingservice/**) whose secure requests must carry an
	 *     api_key of the token's account; needs an ApiKeyVerifier bean
	 */
	public record ApiKey(@DefaultValue List<String> requiredPaths) {
	}

	/**
	 * The login throttle of both dialects and of introspection clients: shared by every node through the store when
	 * tokenkit's own JDBC or Redis store is in use, else in this JVM.
	 *
	 * @param maxFailures failed logins per login within the window before 429 (four times as many per client address);
	 *     0 switches the throttle off
	 * @param window how long failures count
	 */
	public record LoginThrottle(@DefaultValue("0") int maxFailures, @DefaultValue("15m") Duration window) {
	}

	/**
	 * What tokenkit changes on embedded Jetty.
	 *
	 * @param plainErrors whether Jetty's own error answers (requests it refuses before the app sees them) are one line
	 *     of plain text rather than its page, which repeats the request's URI, query and tokens included
	 * @param trustedProxies addresses or CIDR ranges (10.0.0.0/8) of the reverse proxies whose Forwarded and
	 *     X-Forwarded-For headers name the client; from any other peer they are ignored. Empty (the default): never
	 *     trusted, the client address is the connection's
	 */
	public record Jetty(@DefaultValue("true") boolean plainErrors, @DefaultValue List<String> trustedProxies) {
	}

	/**
	 * The JWK Set endpoint (RFC 7517): the public keys of tokenkit.jwt.keys, never the HS256 secret.
	 *
	 * @param enabled whether to serve it; only JWTs (tokenkit.token.kind=jwt) have keys, so with opaque tokens nothing
	 *     is served
	 * @param path its path
	 * @param maxAge how long clients and proxies may cache it (Cache-Control max-age); keep a retired key in
	 *     tokenkit.jwt.keys at least this long after its last token expired
	 */
	public record JwkSet(@DefaultValue("false") boolean enabled, @DefaultValue("/.well-known/jwks.json") String path,
			@DefaultValue("5m") Duration maxAge) {
	}

	/**
	 * The token introspection endpoint (RFC 7662), for opaque tokens and JWTs.
	 *
	 * @param enabled whether to serve it
	 * @param path its path (POST, form-encoded token=...)
	 * @param countsAsUse whether an introspection that finds a token active is a use of it (an opaque token's idle
	 *     expiry slides)
	 * @param clients the clients that may introspect, over HTTP Basic; at least one when enabled
	 */
	public record Introspection(@DefaultValue("false") boolean enabled,
			@DefaultValue("/oauth2/introspect") String path, @DefaultValue("false") boolean countsAsUse,
			@DefaultValue List<Client> clients) {
	}

	/**
	 * One introspection client.
	 *
	 * @param id the client id, its HTTP Basic user name
	 * @param secret the hash of its secret, as account passwords are held: {bcrypt}..., {argon2}... or {pbkdf2}...,
	 *     never the secret itself
	 * @param tokenAuthorities the authorities a token's account must hold one of for this client to see it active;
	 *     empty: every token
	 */
	public record Client(@Nullable String id, @Nullable String secret, @DefaultValue List<String> tokenAuthorities) {

		@Override
		public String toString() {
			return "Client[id=" + this.id + "]";
		}

	}

	/**
	 * The authorization server metadata endpoint (RFC 8414 style): issuer, jwks_uri and introspection_endpoint.
	 *
	 * @param enabled whether to serve it
	 * @param path its path
	 * @param baseUrl the base URL of the endpoints' URLs, for example https://auth.example.com; unset: each
	 *     request's scheme, host, port and context path
	 */
	public record Metadata(@DefaultValue("false") boolean enabled,
			@DefaultValue("/.well-known/oauth-authorization-server") String path, @Nullable String baseUrl) {
	}

}
