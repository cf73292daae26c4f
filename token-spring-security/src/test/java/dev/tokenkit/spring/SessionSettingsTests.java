package dev.tokenkit.spring;

import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Session settings that would save a context or register a session still leave token requests session-free. */
@SpringJUnitWebConfig(SessionSettingsTests.SessionHeavyApp.class)
class SessionSettingsTests {

	@Autowired
	private WebApplicationContext context;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void tokenRequestsWhenMaximumSessionsAndImplicitSaveThenNoSession() throws Exception {
		MvcResult issued = this.mvc.perform(get("/authentication_token?username=me&password=pw")).andReturn();
		assertThat(issued.getRequest().getSession(false)).isNull();
		String token = TokenAnswers.token(MockMvcResponses.of(issued.getResponse()), TokenAnswers.DSI_JSON,
				"application/json");
		for (int i = 0; i < 3; i++) {
			MvcResult secure = this.mvc.perform(get("/secure/me").header("Authorization", "Bearer " + token)).andReturn();
			assertThat(secure.getResponse().getContentAsString()).isEqualTo("me");
			assertThat(secure.getRequest().getSession(false)).isNull();
			assertThat(secure.getResponse().getHeaders("Set-Cookie")).isEmpty();
		}
	}

	@Configuration
	@EnableWebMvc
	@EnableWebSecurity
	static class SessionHeavyApp {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.sessionManagement((sessions) -> sessions.maximumSessions(1))
				.securityContext((context) -> context.requireExplicitSave(false))
				.with(TokenKitConfigurer.tokenKit(), (kit) -> kit.globalGivingEnabled(false))
				.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(User.withUsername("me").password("{noop}pw").roles("USER").build());
		}

		@RestController
		static class Me {

			@GetMapping("/secure/me")
			String me(@AuthenticationPrincipal TokenPrincipal principal) {
				return principal.username();
			}

		}

	}

}
