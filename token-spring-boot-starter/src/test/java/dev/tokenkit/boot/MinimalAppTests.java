package dev.tokenkit.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smallest Boot app a user would write: the starter, a chain of its own, an in-memory user; no tokenkit bean. It
 * issues a DSI token for the user's password and lets the token through a secure path, on embedded Jetty.
 */
@SpringBootTest(classes = MinimalAppTests.MinimalApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MinimalAppTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Test
	void secureRequestWhenDsiTokenOfTheAppsOwnUserThenServed() throws Exception {
		HttpResponse<String> issued = get("/authentication_token?username=alice&password=wonderland", null);
		assertThat(issued.statusCode()).isEqualTo(200);
		String token = issued.body().replace("\"", "");
		HttpResponse<String> secure = get("/secure/whoami", token);
		assertThat(secure.statusCode()).isEqualTo(200);
		assertThat(secure.body()).isEqualTo("alice");
	}

	@Test
	void secureRequestWhenNoTokenThenBearerChallengeNotTheLoginPage() throws Exception {
		HttpResponse<String> refused = get("/secure/whoami", null);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"tokenkit\"");
	}

	@Test
	void loginWhenWrongPasswordThenRefusedAndNoToken() throws Exception {
		HttpResponse<String> refused = get("/authentication_token?username=alice&password=wrong", null);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("invalid_credentials");
	}

	@Test
	void requestWhenJettyRefusesItThenNothingOfItIsEchoed() throws Exception {
		HttpResponse<String> refused = get("/api/%2573ecure/x?access_token=SECRET-TOKEN", null);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).isEqualTo("400 Bad Request\n");
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The app: its own chain and users, and one secure endpoint. */
	@SpringBootApplication
	@RestController
	static class MinimalApp {

		@Bean
		SecurityFilterChain appChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}wonderland").roles("USER").build());
		}

		@GetMapping("/secure/whoami")
		String whoami(Principal principal) {
			return principal.getName();
		}

	}

}
