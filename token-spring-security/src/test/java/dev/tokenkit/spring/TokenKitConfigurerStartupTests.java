package dev.tokenkit.spring;

import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenStore;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

import static org.assertj.core.api.Assertions.assertThatException;

/** Conflicting or missing collaborators fail at start-up with a message that says how to fix them. */
class TokenKitConfigurerStartupTests {

	@Test
	void startWhenGlobalGivingThroughManagerWithoutApiKeyVerifierThenFailsNamingBothWays() {
		AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
		context.setServletContext(new MockServletContext());
		context.register(NoApiKeyVerifierApp.class);
		assertThatException().isThrownBy(context::refresh)
			.withStackTraceContaining("kit.apiKeyVerifier(...)")
			.withStackTraceContaining("ApiKeyVerifier bean")
			.withStackTraceContaining("kit.globalGivingEnabled(false)");
		context.close();
	}

	@Test
	void startWhenTwoTokenStoresWithoutPrimaryThenFailsNamingTheFix() {
		assertStartupFails(TwoStoresApp.class, "several TokenStore beans: mark one @Primary or set kit.tokenService(...)");
	}

	private static void assertStartupFails(Class<?> app, String message) {
		AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
		context.setServletContext(new MockServletContext());
		context.register(app);
		assertThatException().isThrownBy(context::refresh).withStackTraceContaining(message);
		context.close();
	}

	@Configuration
	@EnableWebSecurity
	static class TwoStoresApp {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) throws Exception {
			return http.with(TokenKitConfigurer.tokenKit(), (kit) -> kit.globalGivingEnabled(false)).build();
		}

		@Bean
		TokenStore first() {
			return new InMemoryTokenStore();
		}

		@Bean
		TokenStore second() {
			return new InMemoryTokenStore();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(User.withUsername("me").password("{noop}pw").roles("USER").build());
		}

	}

	@Configuration
	@EnableWebSecurity
	static class NoApiKeyVerifierApp {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) throws Exception {
			return http.with(TokenKitConfigurer.tokenKit(), (kit) -> kit.realm("api")).build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(User.withUsername("me").password("{noop}pw").roles("USER").build());
		}

	}

}
