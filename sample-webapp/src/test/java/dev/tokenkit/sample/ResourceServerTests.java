package dev.tokenkit.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another service trusts the sample's tokens with stock Spring Boot only: the {@code sample-resource-server} jar, run
 * in a JVM of its own (no tokenkit on its classpath) and configured by properties, once with the sample's JWK Set
 * ({@code jwk-set-uri}) and once with its introspection endpoint ({@code introspection-uri}). The sample runs as its
 * README starts it, its JWTs signed with RS256 keys from PEM files, on a clock set to the real time (the resource
 * server checks {@code exp} against its own).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResourceServerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String OLD_KID = "rsa-2026-11";

	private static final String NEW_KID = "rsa-2026-12";

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

	/**
	 * A second introspection client, "donations" / "donations-secret", that sees only ROLE_DONOR accounts' tokens; a
	 * list given on the command line replaces the whole list, so the first client is given again.
	 */
	private static final String DONATIONS_CLIENT_HASH = "{bcrypt}" + BCRYPT.encode("donations-secret");

	private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

	@TempDir
	static Path keys;

	private static int jwtPort;

	private static MutableClock jwtClock;

	private static SampleApp jwtSample;

	private static SampleApp opaqueSample;

	private static ResourceServerProcess jwtResourceServer;

	private static ResourceServerProcess opaqueResourceServer;

	@BeforeAll
	static void start() throws Exception {
		writeKeyPair(OLD_KID);
		writeKeyPair(NEW_KID);
		jwtPort = freePort();
		int opaquePort = freePort();
		// the resource servers call the samples only when asked about a token: they start while the samples do
		CompletableFuture<ResourceServerProcess> jwt = CompletableFuture.supplyAsync(() -> ResourceServerProcess.start(
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + jwtPort
						+ "/.well-known/jwks.json",
				"spring.security.oauth2.resourceserver.jwt.audiences=tokenkit-sample"));
		CompletableFuture<ResourceServerProcess> opaque = CompletableFuture.supplyAsync(() -> ResourceServerProcess
			.start("spring.security.oauth2.resourceserver.opaquetoken.introspection-uri=http://127.0.0.1:"
					+ opaquePort + "/oauth2/introspect",
					"spring.security.oauth2.resourceserver.opaquetoken.client-id=resource-server",
					"spring.security.oauth2.resourceserver.opaquetoken.client-secret=resource-server-secret"));
		try {
			jwtClock = MutableClock.start();
			jwtClock.set(Instant.now());
			jwtSample = new SampleApp(jwtSettings(List.of(OLD_KID)), jwtClock);
			opaqueSample = new SampleApp(Map.of("server.port", opaquePort, "spring.datasource.url",
					"jdbc:h2:mem:resource-server-opaque;DB_CLOSE_DELAY=-1", "tokenkit.introspection.clients[0].id",
					"resource-server", "tokenkit.introspection.clients[0].secret",
					"{bcrypt}" + BCRYPT.encode("resource-server-secret"), "tokenkit.introspection.clients[1].id",
					"donations", "tokenkit.introspection.clients[1].secret", DONATIONS_CLIENT_HASH,
					"tokenkit.introspection.clients[1].token-authorities", "ROLE_DONOR"), MutableClock.start());
		}
		finally {
			jwtResourceServer = jwt.join();
			opaqueResourceServer = opaque.join();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket free = new ServerSocket(0)) {
			return free.getLocalPort();
		}
	}

	@AfterAll
	static void stop() {
		for (AutoCloseable running : new AutoCloseable[] { jwtResourceServer, opaqueResourceServer, jwtSample,
				opaqueSample }) {
			try {
				if (running != null) {
					running.close();
				}
			}
			catch (Exception ex) {
				// the others are still stopped
			}
		}
	}

	/** The JWT sample's settings: RS256 keys from PEM files, the first signing; its own database and fixed port. */
	private static Map<String, Object> jwtSettings(List<String> kids) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("server.port", jwtPort);
		settings.put("spring.datasource.url", "jdbc:h2:mem:resource-server-jwt;DB_CLOSE_DELAY=-1");
		settings.put("tokenkit.token.kind", "jwt");
		for (int i = 0; i < kids.size(); i++) {
			String key = "tokenkit.jwt.keys[" + i + "].";
			settings.put(key + "kid", kids.get(i));
			settings.put(key + "algorithm", "RS256");
			settings.put(key + "private-key", keys.resolve(kids.get(i) + "-private.pem").toUri());
			settings.put(key + "public-key", keys.resolve(kids.get(i) + "-public.pem").toUri());
		}
		return settings;
	}

	private static void writeKeyPair(String kid) throws NoSuchAlgorithmException, IOException {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		KeyPair pair = rsa.generateKeyPair();
		Files.writeString(keys.resolve(kid + "-private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
		Files.writeString(keys.resolve(kid + "-public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static String token(SampleApp sample, String user, String password) {
		return TokenAnswers.token(sample.http().get("/authentication_token", "Authorization: user " + user + ":"
				+ password), TokenAnswers.DSI_JSON, "application/json");
	}

	private static void logout(SampleApp sample, String token) {
		assertThat(sample.http().delete("/authentication_token", "Authorization: Bearer " + token).status())
			.isEqualTo(204);
	}

	@SuppressWarnings("unchecked") // a JSON object is a map of names
	private static Map<String, Object> accepted(ResourceServerProcess server, String token) {
		RawHttp.Response hello = server.hello(token);
		assertThat(hello.status()).as("%s\n%s", hello, server.log()).isEqualTo(200);
		return JSON.readValue(hello.body(), Map.class);
	}

	private static void refused(ResourceServerProcess server, String token) {
		RawHttp.Response hello = server.hello(token);
		assertThat(hello.status()).as("%s", hello).isEqualTo(401);
		assertThat(hello.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
	}

	private static String tampered(String token) {
		int dot = token.indexOf('.');
		char flipped = (token.charAt(dot + 5) == 'A') ? 'B' : 'A';
		return token.substring(0, dot + 5) + flipped + token.substring(dot + 6);
	}

	/** The JWT's sub and its authorities claim, read by Boot's two documented properties, and nothing tampered. */
	@Test
	@Order(1)
	void jwtWhenIssuedBySampleThenAcceptedWithItsAuthoritiesAndTamperedRefused() {
		String john = token(jwtSample, "john", "somepassword");
		assertThat(accepted(jwtResourceServer, john)).isEqualTo(Map.of("name", "2", "authorities",
				List.of("FACTOR_BEARER", "ROLE_DONOR", "ROLE_USER")));
		refused(jwtResourceServer, tampered(john));
		refused(jwtResourceServer, john.substring(0, john.lastIndexOf('.') + 1));
	}

	/**
	 * Introspection sees a logout on the very next request; the account's authorities arrive as Spring's
	 * {@code SCOPE_} authorities of the {@code scope} member.
	 */
	@Test
	@Order(2)
	void opaqueTokenWhenIntrospectedThenAcceptedUntilTheLogoutAtTheSample() {
		String me = token(opaqueSample, "me", "my_password");
		assertThat(accepted(opaqueResourceServer, me)).isEqualTo(Map.of("name", "1", "authorities",
				List.of("FACTOR_BEARER", "SCOPE_ROLE_USER")));
		refused(opaqueResourceServer, me.substring(0, me.length() - 1) + (me.endsWith("A") ? "B" : "A"));
		logout(opaqueSample, me);
		refused(opaqueResourceServer, me);
	}

	/**
	 * A resource server that verifies JWTs itself cannot see a logout: it accepts the token until its {@code exp}
	 * plus Spring Security's clock skew of 60 seconds. The token is issued with the sample's clock set back so that
	 * this window ends a few seconds from now.
	 */
	@Test
	@Order(3)
	void jwtWhenLoggedOutAtTheSampleThenAcceptedUntilExpiryPlusClockSkew() throws InterruptedException {
		Instant windowEnd = Instant.now().plusSeconds(4);
		jwtClock.set(windowEnd.minus(Duration.ofMinutes(30)).minusSeconds(60));
		String me = token(jwtSample, "me", "my_password");
		jwtClock.set(Instant.now());
		logout(jwtSample, me);
		assertThat(jwtSample.http().get("/secure/whoami", "Authorization: Bearer " + me).status()).isEqualTo(401);
		assertThat(accepted(jwtResourceServer, me)).containsEntry("name", "1");
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), windowEnd).toMillis() + 1500));
		refused(jwtResourceServer, me);
	}

	/**
	 * Key rotation through the JWK Set, as a redeploy: the sample restarts on the same port with a new signing key and
	 * the old one kept to verify; the resource server meets the new kid, fetches the set again, and accepts the tokens
	 * of both keys.
	 */
	@Test
	@Order(4)
	void jwtWhenKeysRotateThenTokensOfTheOldAndNewKeyAccepted() throws Exception {
		String old = token(jwtSample, "me", "my_password");
		assertThat(accepted(jwtResourceServer, old)).containsEntry("name", "1");
		jwtSample.close();
		jwtSample = new SampleApp(jwtSettings(List.of(NEW_KID, OLD_KID)), jwtClock);
		RawHttp.Response jwks = jwtSample.http().get("/.well-known/jwks.json");
		assertThat(jwks.body()).contains("\"kid\":\"" + NEW_KID + "\"").contains("\"kid\":\"" + OLD_KID + "\"")
			.doesNotContain("\"d\":");
		String rotated = token(jwtSample, "john", "somepassword");
		assertThat(rotated).isNotEqualTo(old);
		assertThat(accepted(jwtResourceServer, rotated)).containsEntry("name", "2");
		assertThat(accepted(jwtResourceServer, old)).containsEntry("name", "1");
	}

	private static String basic(String id, String secret) {
		return "Authorization: Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(
				StandardCharsets.UTF_8));
	}

	/**
	 * Hostile introspection requests to the sample as its README starts it: without client credentials or with wrong
	 * ones the answer is the same 401 whether the token is live or not; another client's user's token is inactive;
	 * an oversized body and a repeated token are refused; nothing echoes the token.
	 */
	@Test
	@Order(5)
	@SuppressWarnings("unchecked") // a JSON object is a map of names
	void introspectionWhenHostileThenNothingLeaksAndNothingIsDescribed() {
		RawHttp http = opaqueSample.http();
		String me = token(opaqueSample, "me", "my_password");
		String john = token(opaqueSample, "john", "somepassword");
		List<RawHttp.Response> unauthenticated = List.of(http.post("/oauth2/introspect", "token=" + me, FORM),
				http.post("/oauth2/introspect", "token=tk_unknown", FORM),
				http.post("/oauth2/introspect", "token=" + me, FORM, basic("resource-server", "wrong")),
				http.post("/oauth2/introspect", "token=" + me, FORM, basic("nobody", "resource-server-secret")),
				http.post("/oauth2/introspect", "token=" + me, FORM, "Authorization: Bearer " + me));
		for (RawHttp.Response response : unauthenticated) {
			assertThat(response.status()).as("%s", response).isEqualTo(401);
			assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"tokenkit\"");
			assertThat(response.body()).isEqualTo(unauthenticated.get(0).body()).doesNotContain(me);
		}
		String client = basic("donations", "donations-secret");
		assertThat(JSON.readValue(http.post("/oauth2/introspect", "token=" + me, FORM, client).body(), Map.class))
			.isEqualTo(Map.of("active", false));
		assertThat(JSON.readValue(http.post("/oauth2/introspect", "token=" + john, FORM, client).body(), Map.class))
			.containsEntry("active", true).containsEntry("username", "john");
		RawHttp.Response repeated = http.post("/oauth2/introspect", "token=" + me + "&token=" + john, FORM, client);
		assertThat(repeated.status()).isEqualTo(400);
		assertThat(repeated.body()).startsWith("{\"error\":\"invalid_request\"").doesNotContain(me);
		RawHttp.Response oversized = http.post("/oauth2/introspect", "token=" + "A".repeat(64 * 1024), FORM, client);
		assertThat(oversized.status()).isEqualTo(413);
		assertThat(oversized.body()).doesNotContain("AAAA");
		assertThat(http.get("/secure/whoami", "Authorization: Bearer " + me).status()).isEqualTo(200);
	}

}
