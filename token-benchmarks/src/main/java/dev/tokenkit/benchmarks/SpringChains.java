package dev.tokenkit.benchmarks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.InMemoryAccountRepository;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.spring.TokenKitConfigurer;

/**
 * The Spring Security chains the HTTP harness and {@link ChainBenchmark} measure: the same rules (public routes open
 * to all, the rest authenticated), the rest through tokenkit or through Spring's resource server.
 */
final class SpringChains {

	private SpringChains() {
	}

	/**
	 * An application context, not yet refreshed, of one chain and the one bean it needs: a {@link TokenService} for
	 * {@link TokenKitChain}, a {@link JwtDecoder} for {@link ResourceServerChain}.
	 */
	static <T> AnnotationConfigWebApplicationContext context(Class<?> chain, Class<T> beanType, T bean) {
		AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
		context.register(chain);
		context.addBeanFactoryPostProcessor((beans) -> beans.registerSingleton(beanType.getSimpleName(), bean));
		return context;
	}

	/** The rules every chain shares: public routes open to all, the rest authenticated. */
	private static HttpSecurity publicAndAuthenticated(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**")
			.permitAll()
			.anyRequest()
			.authenticated());
	}

	/** The shared rules, the rest through tokenkit with the context's token service (opaque or JWT). */
	@Configuration
	@EnableWebSecurity
	static class TokenKitChain {

		@Bean
		SecurityFilterChain chain(HttpSecurity http, TokenService tokens) throws Exception {
			return publicAndAuthenticated(http).with(TokenKitConfigurer.tokenKit(), (kit) -> kit.tokenService(tokens)
				.authenticator(new PasswordAuthenticator(new InMemoryAccountRepository())))
				.build();
		}

	}

	/** The shared rules, the rest through {@code oauth2ResourceServer().jwt()} with the context's decoder. */
	@Configuration
	@EnableWebSecurity
	static class ResourceServerChain {

		@Bean
		SecurityFilterChain chain(HttpSecurity http, JwtDecoder decoder) throws Exception {
			return publicAndAuthenticated(http).oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.decoder(decoder)))
				.build();
		}

	}

}
