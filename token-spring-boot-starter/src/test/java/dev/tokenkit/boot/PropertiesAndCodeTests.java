package dev.tokenkit.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.tokenkit.spring.TokenKitConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain that adds tokenkit itself, with settings in code, in an app with {@code tokenkit.*} properties: both apply,
 * the properties first, and code wins where both speak.
 */
@SpringBootTest(classes = PropertiesAndCodeTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tokenkit.auto-apply=false", "tokenkit.dsi.token-path=/api/token", "tokenkit.realm=from-properties" })
class PropertiesAndCodeTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Test
	void tokenWhenPathFromPropertiesAndJsonpOffInCodeThenBothApply() throws Exception {
		HttpResponse<String> token = get("/api/token?username=alice&password=wonderland&callback=cb");
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.body()).startsWith("\"tk_");
		assertThat(get("/authentication_token?username=alice&password=wonderland").statusCode()).isNotEqualTo(200);
	}

	@Test
	void challengeWhenRealmInPropertiesAndCodeThenCodeWins() throws Exception {
		assertThat(get("/secure/x").headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"from-code\"");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** An app whose chain adds tokenkit with two settings of its own. */
	@SpringBootApplication
	static class App {

		@Bean
		SecurityFilterChain appChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.with(TokenKitConfigurer.tokenKit(),
						(kit) -> kit.realm("from-code").dsi((dsi) -> dsi.setJsonpEnabled(false)))
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}wonderland").roles("USER").build());
		}

	}

}
