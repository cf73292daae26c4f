package dev.tokenkit.spring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.test.web.servlet.MockMvc;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.testing.TestAccounts;
import dev.tokenkit.jwt.JwtKey;
import dev.tokenkit.jwt.JwtTokenService;
import dev.tokenkit.servlet.testing.DocListings;
import dev.tokenkit.spring.testing.SecuredWebApp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The Java listings of {@code docs/services.md}, as printed: compiled with every warning an error, the issuer's chain
 * started and its three endpoints called, the resource server's type validator applied, and both shared-store
 * resource servers fed a token of their service.
 */
class ServicesDocsTests {

	private static final Path DOC = Path.of("..", "docs", "services.md");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path work;

	private static ClassLoader compiled;

	private SecuredWebApp app;

	@BeforeAll
	static void compileTheListings() throws IOException {
		compiled = DocListings.compile(DOC, work, work.resolve("classes"), 4);
	}

	@AfterEach
	void close() {
		if (this.app != null) {
			this.app.close();
		}
	}

	/** Starts a listing's configuration with the beans it expects of the app, by name, and calls it. */
	private MockMvc start(String listing, Map<String, Object> beans) throws ClassNotFoundException {
		this.app = SecuredWebApp.start(compiled.loadClass("com.example." + listing), beans);
		return this.app.mvc();
	}

	@Test
	@SuppressWarnings("unchecked") // a JSON object is a map of names
	void issuerWhenStartedThenServesTheJwkSetMetadataAndIntrospectionToClientsOnly() throws Exception {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		KeyPair keys = rsa.generateKeyPair();
		ApiKeyVerifier apiKeys = (apiKey, principal) -> false;
		MockMvc mvc = start("IssuerSecurityConfig", Map.of("signingKeys", keys, "tokenStore", new InMemoryTokenStore(),
				"users", new TestApp.MemberDirectory(), "apiKeys", apiKeys));
		assertThat(mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString())
			.contains("\"kid\":\"2026-12\"").contains("\"alg\":\"RS256\"");
		Map<String, Object> metadata = JSON.readValue(mvc.perform(get("/.well-known/oauth-authorization-server"))
			.andReturn().getResponse().getContentAsString(), Map.class);
		assertThat(metadata).containsEntry("issuer", "https://auth.example.com")
			.containsEntry("jwks_uri", "http://localhost/.well-known/jwks.json")
			.containsEntry("introspection_endpoint", "http://localhost/oauth2/introspect");
		String token = this.app.bean(TokenService.class).issue(TestAccounts.alice(),
				TokenPolicy.ofIdle(Duration.ofMinutes(5))).value();
		MockHttpServletResponse anonymous = mvc.perform(post("/oauth2/introspect")
			.contentType("application/x-www-form-urlencoded").content("token=" + token)).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(401);
		MockHttpServletResponse wrong = mvc.perform(post("/oauth2/introspect")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
					"orders-service:guess".getBytes(StandardCharsets.UTF_8)))
			.contentType("application/x-www-form-urlencoded").content("token=" + token)).andReturn().getResponse();
		assertThat(wrong.getStatus()).isEqualTo(401);
		assertThat(wrong.getContentAsString()).isEqualTo(anonymous.getContentAsString());
	}

	@Test
	void resourceServerTypeWhenAccessTokenThenValidAndAnotherTypeRefused() throws Exception {
		this.app = SecuredWebApp.start(compiled.loadClass("com.example.AccessTokenTypeConfig"), Map.of());
		JwtTypeValidator validator = this.app.bean(JwtTypeValidator.class);
		assertThat(validator.validate(jwt("at+jwt")).hasErrors()).isFalse();
		assertThat(validator.validate(jwt("JWT")).hasErrors()).isTrue();
	}

	private static Jwt jwt(String type) {
		return Jwt.withTokenValue("t").header("typ", type).claim("sub", "1").issuedAt(Instant.now()).build();
	}

	@Test
	void sharedStoreResourceServerWhenTokenOfItsServiceThenPassesAndRevokedRefused() throws Exception {
		assertSharedStoreChecks("SharedStoreResourceServerConfig",
				OpaqueTokenService.builder(new InMemoryTokenStore()).build());
	}

	@Test
	void sharedKeysResourceServerWhenTokenOfItsServiceThenPassesAndRevokedRefused() throws Exception {
		assertSharedStoreChecks("SharedKeysResourceServerConfig", JwtTokenService.builder(new InMemoryTokenStore())
			.key(JwtKey.hs256("k", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)))
			.build());
	}

	/** A live token passes authentication (no handler: 404); after its revocation, 401. */
	private void assertSharedStoreChecks(String listing, TokenService tokens) throws Exception {
		MockMvc mvc = start(listing, Map.of("tokenService", tokens));
		String token = tokens.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(5))).value();
		assertThat(mvc.perform(get("/orders").header("Authorization", "Bearer " + token)).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		tokens.revoke(token);
		assertThat(mvc.perform(get("/orders").header("Authorization", "Bearer " + token)).andReturn().getResponse()
			.getStatus()).isEqualTo(401);
	}

}
