package dev.tokenkit.sample.resourceserver;

import java.util.Map;
import java.util.TreeSet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Another service that trusts tokenkit's tokens with stock Spring Boot and Spring Security only: Boot's OAuth 2.0
 * resource server, configured by {@code spring.security.oauth2.resourceserver.*} properties alone (a JWK Set URI, or an
 * introspection URI with client credentials), guards every path. Its one page, {@code GET /hello}, answers who the
 * token stands for and with which authorities.
 *
 * <p>The one bean: tokenkit types its JWTs {@code at+jwt} (RFC 9068), and Spring Security 7 accepts only {@code JWT}
 * unless a {@link JwtTypeValidator} bean says otherwise; Spring Boot uses that bean instead of its default one.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class ResourceServerApplication {

	/**
	 * Starts the service.
	 *
	 * @param args Spring Boot arguments, such as {@code --server.port=8081}
	 */
	public static void main(String[] args) {
		SpringApplication.run(ResourceServerApplication.class, args);
	}

	/**
	 * Accepts access tokens typed {@code at+jwt}, as tokenkit writes them.
	 *
	 * @return the validator
	 */
	@Bean
	JwtTypeValidator accessTokenType() {
		return new JwtTypeValidator("at+jwt");
	}

	/** The service's one page. */
	@RestController
	static class Hello {

		@GetMapping("/hello")
		Map<String, Object> hello(Authentication authentication) {
			return Map.of("name", authentication.getName(), "authorities", new TreeSet<>(authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.toList()));
		}

	}

}
