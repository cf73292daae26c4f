package dev.tokenkit.spring;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.InMemoryAccountRepository;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.testing.TestAccounts;
import dev.tokenkit.jwt.JwtKey;
import dev.tokenkit.jwt.JwtTokenService;
import dev.tokenkit.servlet.testing.TokenAnswers;
import dev.tokenkit.spring.testing.SecuredWebApp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The JWK Set, introspection and metadata endpoints in an app's existing chain (form login, CSRF, every other path
 * authenticated), through MockMvc with springSecurity(): served before the chain's rules, without CSRF tokens, and
 * answered in OAuth's form rather than by the login redirect.
 */
class TrustEndpointsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SecuredWebApp app;

	@AfterEach
	void close() {
		if (this.app != null) {
			this.app.close();
		}
	}

	private MockMvc start(Class<?> configuration) {
		this.app = SecuredWebApp.start(configuration);
		return this.app.mvc();
	}

	private static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	@SuppressWarnings("unchecked") // a JSON object is a map of names
	void endpointsWhenEnabledThenServedInsideTheChainWithoutCsrfOrLogin() throws Exception {
		MockMvc mvc = start(IssuerApp.class);
		MockHttpServletResponse jwks = mvc.perform(get("/.well-known/jwks.json")).andReturn().getResponse();
		assertThat(jwks.getStatus()).isEqualTo(200);
		assertThat(jwks.getContentType()).isEqualTo("application/jwk-set+json");
		assertThat(jwks.getContentAsString()).contains("\"kid\":\"rsa-1\"").contains("\"alg\":\"RS256\"");

		String token = TokenAnswers.token(MockMvcResponses.of(mvc.perform(get("/authentication_token")
			.header("Authorization", "user me:my_password")).andReturn().getResponse()), TokenAnswers.DSI_JSON,
				"application/json");
		MockHttpServletResponse active = mvc.perform(post("/oauth2/introspect")
			.contentType("application/x-www-form-urlencoded")
			.header("Authorization", basic("rs", "rs-secret"))
			.content("token=" + token)).andReturn().getResponse();
		assertThat(active.getStatus()).isEqualTo(200);
		assertThat(JSON.readValue(active.getContentAsString(), Map.class)).containsEntry("active", true)
			.containsEntry("username", "me");

		MockHttpServletResponse anonymous = mvc.perform(post("/oauth2/introspect")
			.contentType("application/x-www-form-urlencoded")
			.content("token=" + token)).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertThat(anonymous.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"tokenkit\"");
		assertThat(anonymous.getContentAsString()).doesNotContain("active");

		MockHttpServletResponse metadata = mvc.perform(get("/.well-known/oauth-authorization-server")).andReturn()
			.getResponse();
		assertThat(JSON.readValue(metadata.getContentAsString(), Map.class)).isEqualTo(Map.of("issuer",
				"tokenkit-test", "jwks_uri", "http://localhost/.well-known/jwks.json", "introspection_endpoint",
				"http://localhost/oauth2/introspect", "introspection_endpoint_auth_methods_supported",
				List.of("client_secret_basic")));
	}

	@Test
	void endpointsWhenNotEnabledThenTheAppsOwnRules() throws Exception {
		MockMvc mvc = start(PlainApp.class);
		MockHttpServletResponse jwks = mvc.perform(get("/.well-known/jwks.json").accept("text/html")).andReturn()
			.getResponse();
		assertThat(jwks.getStatus()).isEqualTo(302);
		assertThat(jwks.getRedirectedUrl()).endsWith("/login");
		assertThat(mvc.perform(post("/oauth2/introspect").header("Authorization", basic("rs", "rs-secret"))
			.contentType("application/x-www-form-urlencoded")
			.content("token=x")).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void startWhenJwkSetOverOpaqueTokensThenFailsNamingTheNeed() {
		assertThatException().isThrownBy(() -> start(OpaqueJwkSetApp.class))
			.withStackTraceContaining("jwkSet(...) needs a JwtTokenService");
	}

	private static PasswordAuthenticator clients() {
		InMemoryAccountRepository clients = new InMemoryAccountRepository();
		clients.save(new StoredAccount(new Account("rs", "rs", null, Set.of(), true, null),
				TestAccounts.bcrypt("rs-secret"), null));
		return new PasswordAuthenticator(clients);
	}

	/** An app with form login whose chain also serves the three endpoints, over RS256 JWTs. */
	@Configuration
	@EnableWebMvc
	@EnableWebSecurity
	static class IssuerApp {

		@Bean
		SecurityFilterChain appChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.with(TokenKitConfigurer.tokenKit(), (kit) -> kit.globalGivingEnabled(false)
					.jwkSet(Customizer.withDefaults())
					.introspection(clients(), Customizer.withDefaults())
					.authorizationServerMetadata((metadata) -> metadata.setIssuer("tokenkit-test")));
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new TestApp.MemberDirectory();
		}

		@Bean
		TokenService tokenService() throws NoSuchAlgorithmException {
			KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
			rsa.initialize(2048);
			return JwtTokenService.builder(new InMemoryTokenStore())
				.key(JwtKey.rs256("rsa-1", rsa.generateKeyPair()))
				.issuer("tokenkit-test")
				.build();
		}

	}

	/** The same app without the endpoints. */
	@Configuration
	@EnableWebMvc
	@EnableWebSecurity
	static class PlainApp {

		@Bean
		SecurityFilterChain appChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.with(TokenKitConfigurer.tokenKit(), (kit) -> kit.globalGivingEnabled(false));
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new TestApp.MemberDirectory();
		}

	}

	/** A JWK Set asked of opaque tokens. */
	@Configuration
	@EnableWebMvc
	@EnableWebSecurity
	static class OpaqueJwkSetApp {

		@Bean
		SecurityFilterChain appChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.with(TokenKitConfigurer.tokenKit(), (kit) -> kit.globalGivingEnabled(false)
					.tokenService(OpaqueTokenService.builder(new InMemoryTokenStore()).build())
					.jwkSet(Customizer.withDefaults()));
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new TestApp.MemberDirectory();
		}

	}

}
