package dev.tokenkit.consumer;

import java.security.Principal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot app with users of its own and tokenkit's starter, and nothing else of tokenkit: the starter issues
 * tokens to its users at {@code /authentication_token} and guards its {@code /secure/} paths.
 */
@SpringBootApplication
@RestController
public class ConsumerApplication {

	/**
	 * Starts the app.
	 *
	 * @param args Spring Boot's arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(ConsumerApplication.class, args);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService users(PasswordEncoder encoder) {
		return new InMemoryUserDetailsManager(
				User.withUsername("consumer").password(encoder.encode("consumer-password")).roles("USER").build());
	}

	@GetMapping("/secure/hello")
	String hello(Principal principal) {
		return "hello " + principal.getName();
	}

}
