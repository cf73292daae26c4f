package dev.tokenkit.spring;

import java.security.Principal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.observation.MicrometerTokenObservers;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.MutableClock;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * An app the way a real one has it: form login, CSRF, a home page and an account page, with tokenkit added to its
 * chain in one line, a user store of its own ({@code UserDetailsService} with {@code {bcrypt}} passwords), method
 * security, and a token service and store of its own as beans.
 */
@Configuration
@EnableWebMvc
@EnableWebSecurity
@EnableMethodSecurity(securedEnabled = true)
class TestApp {

	@Bean
	SecurityFilterChain appChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/", "/api/public/**")
			.permitAll()
			.requestMatchers("/api/secure/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(Customizer.withDefaults())
			.with(TokenKitConfigurer.tokenKit(), Customizer.withDefaults());
		return http.build();
	}

	@Bean
	UserDetailsService users() {
		return new MemberDirectory();
	}

	@Bean
	ApiKeyVerifier apiKeys() {
		return (apiKey, principal) -> principal.username().equals("John_Doe@hotmail.com")
				&& apiKey.equals("YOUR_API_KEY");
	}

	@Bean
	MutableClock clock() {
		return MutableClock.start();
	}

	/**
	 * A store whose clock stands still while the test moves the service's: it keeps a token past its expiry, as a
	 * JDBC store does until its purge, so that the service finds it expired rather than gone.
	 */
	@Bean
	TokenStore tokenStore(MutableClock clock) {
		return new InMemoryTokenStore(Clock.fixed(clock.instant(), ZoneOffset.UTC));
	}

	@Bean
	TokenService tokenService(TokenStore tokenStore, MutableClock clock, TokenObservers observers,
			ApplicationEventPublisher events) {
		return OpaqueTokenService.builder(tokenStore)
			.clock(clock)
			.observers(observers)
			.listener(new ApplicationEventTokenListener(events))
			.build();
	}

	@Bean
	TestObservationRegistry observationRegistry() {
		return TestObservationRegistry.create();
	}

	@Bean
	TokenObservers tokenObservers(TestObservationRegistry observationRegistry) {
		return new MicrometerTokenObservers(observationRegistry, "opaque", "memory");
	}

	@Bean
	AuditEvents auditEvents() {
		return new AuditEvents();
	}

	@Bean
	RevocationEvents revocationEvents() {
		return new RevocationEvents();
	}

	/** The revocations the token service published. */
	static final class RevocationEvents implements ApplicationListener<TokenRevocationEvent> {

		final List<TokenRevocationEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(TokenRevocationEvent event) {
			this.events.add(event);
		}

	}

	/** The app's own user store: a custom {@code UserDetailsService} with {@code {bcrypt}} passwords. */
	static final class MemberDirectory implements UserDetailsService {

		private final Map<String, UserDetails> members = new HashMap<>();

		MemberDirectory() {
			BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
			add(User.withUsername("me").password("{bcrypt}" + bcrypt.encode("my_password")).roles("USER").build());
			add(User.withUsername("John_Doe@hotmail.com")
				.password("{bcrypt}" + bcrypt.encode("somepassword"))
				.roles("USER", "DONOR")
				.build());
			add(User.withUsername("admin").password("{bcrypt}" + bcrypt.encode("admin-password")).roles("ADMIN").build());
			add(User.withUsername("dave")
				.password("{bcrypt}" + bcrypt.encode("dave-password"))
				.roles("USER")
				.disabled(true)
				.build());
		}

		private void add(UserDetails member) {
			this.members.put(member.getUsername(), member);
		}

		@Override
		public UserDetails loadUserByUsername(String username) {
			UserDetails member = this.members.get(username);
			if (member == null) {
				throw new UsernameNotFoundException("No such member");
			}
			return User.withUserDetails(member).build();
		}

	}

	/** Records every Spring Security authentication event, like an app's audit listener. */
	static final class AuditEvents implements ApplicationListener<AbstractAuthenticationEvent> {

		final List<AbstractAuthenticationEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(AbstractAuthenticationEvent event) {
			this.events.add(event);
		}

	}

	/** The app's pages; registered as a member component of this configuration. */
	@RestController
	static class Pages {

		@GetMapping("/")
		String home() {
			return "home";
		}

		@GetMapping("/account")
		String account(Principal principal) {
			return "account of " + principal.getName();
		}

		@GetMapping("/secure/whoami")
		String whoami(@AuthenticationPrincipal TokenPrincipal principal) {
			return principal.username() + " " + new TreeSet<>(principal.authorities());
		}

		@GetMapping("/api/secure/admin/stats")
		String adminStats() {
			return "stats";
		}

		@GetMapping("/api/secure/reports")
		@PreAuthorize("hasRole('ADMIN')")
		String reports() {
			return "reports";
		}

		@GetMapping("/api/public/go")
		ModelAndView forwardToSecure() {
			return new ModelAndView("forward:/secure/whoami");
		}

		@GetMapping("/secure/async")
		Callable<String> async(@AuthenticationPrincipal TokenPrincipal principal) {
			return () -> "async " + principal.username();
		}

		@GetMapping("/api/secure/donations")
		@Secured("ROLE_DONOR")
		String donations() {
			return "donations";
		}

	}

}
