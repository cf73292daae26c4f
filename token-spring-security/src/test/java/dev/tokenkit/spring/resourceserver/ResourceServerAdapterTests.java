package dev.tokenkit.spring.resourceserver;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.TestAccounts;
import dev.tokenkit.jwt.JwtKey;
import dev.tokenkit.jwt.JwtTokenService;
import dev.tokenkit.spring.testing.SecuredWebApp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A second service that shares tokenkit's store (and for JWTs its key) checks tokenkit's tokens with Spring Security's
 * own {@code oauth2ResourceServer()}, through the adapters: the tokens of the issuing service pass with the account's
 * authorities, and a revocation at the issuer is refused on the very next request.
 */
class ResourceServerAdapterTests {

	private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private static final TokenPolicy POLICY = TokenPolicy.ofIdle(Duration.ofMinutes(30));

	/** The store both services share. */
	private static final TokenStore SHARED = new InMemoryTokenStore();

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

	private static MockHttpServletResponse call(MockMvc mvc, String path, String token) throws Exception {
		return mvc.perform(get(path).header("Authorization", "Bearer " + token)).andReturn().getResponse();
	}

	@Test
	void opaqueTokenWhenIssuedByTokenkitThenPassesUntilRevoked() throws Exception {
		TokenService issuer = OpaqueTokenService.builder(SHARED).build();
		MockMvc resourceServer = start(OpaqueResourceServer.class);
		assertPassesUntilRevoked(issuer, resourceServer);
	}

	@Test
	void jwtWhenIssuedByTokenkitThenPassesUntilRevoked() throws Exception {
		TokenService issuer = jwtService();
		MockMvc resourceServer = start(JwtResourceServer.class);
		assertPassesUntilRevoked(issuer, resourceServer);
	}

	private static void assertPassesUntilRevoked(TokenService issuer, MockMvc resourceServer) throws Exception {
		IssuedToken alice = issuer.issue(TestAccounts.alice(), POLICY);
		MockHttpServletResponse whoami = call(resourceServer, "/whoami", alice.value());
		assertThat(whoami.getStatus()).isEqualTo(200);
		// the account's own authorities, and the factor Spring Security 7 adds for a bearer token
		TreeSet<String> authorities = new TreeSet<>(alice.principal().authorities());
		authorities.add("FACTOR_BEARER");
		assertThat(whoami.getContentAsString()).isEqualTo(alice.principal().accountId() + " " + authorities);
		assertThat(call(resourceServer, "/admin", alice.value()).getStatus()).isEqualTo(403);
		assertThat(issuer.revoke(alice.value())).isTrue();
		MockHttpServletResponse revoked = call(resourceServer, "/whoami", alice.value());
		assertThat(revoked.getStatus()).isEqualTo(401);
		assertThat(revoked.getHeader("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
		assertThat(call(resourceServer, "/whoami", alice.value() + "x").getStatus()).isEqualTo(401);
	}

	private static JwtTokenService jwtService() {
		return JwtTokenService.builder(SHARED).key(JwtKey.hs256("shared", SECRET)).build();
	}

	/** The resource server's one page: who the token stands for. */
	@RestController
	static class Pages {

		@GetMapping("/whoami")
		String whoami(Principal principal, Authentication authentication) {
			return principal.getName() + " " + new TreeSet<>(authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.toList());
		}

		@GetMapping("/admin")
		String admin() {
			return "admin";
		}

	}

	/** A resource server for opaque tokens, over the shared store. */
	@Configuration
	@EnableWebMvc
	@EnableWebSecurity
	static class OpaqueResourceServer {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) throws Exception {
			TokenService tokens = OpaqueTokenService.builder(SHARED).build();
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/admin").hasRole("ADMIN")
				.anyRequest().authenticated())
				.oauth2ResourceServer((server) -> server.opaqueToken((opaque) -> opaque.introspector(
						new TokenKitOpaqueTokenIntrospector(tokens))));
			return http.build();
		}

		@Bean
		Pages pages() {
			return new Pages();
		}

	}

	/** A resource server for JWTs, with tokenkit's key and the shared store; authorities from "authorities". */
	@Configuration
	@EnableWebMvc
	@EnableWebSecurity
	static class JwtResourceServer {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) throws Exception {
			JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
			authorities.setAuthoritiesClaimName("authorities");
			authorities.setAuthorityPrefix("");
			JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
			converter.setJwtGrantedAuthoritiesConverter(authorities);
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/admin").hasRole("ADMIN")
				.anyRequest().authenticated())
				.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.decoder(new TokenKitJwtDecoder(jwtService()))
					.jwtAuthenticationConverter(converter)));
			return http.build();
		}

		@Bean
		Pages pages() {
			return new Pages();
		}

	}

}
