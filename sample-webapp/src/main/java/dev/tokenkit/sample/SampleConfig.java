package dev.tokenkit.sample;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.AccountRepository;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.core.jdbc.JdbcAccountRepository;
import dev.tokenkit.core.jdbc.JdbcSchema;
import dev.tokenkit.core.jwt.JwtKey;
import dev.tokenkit.core.jwt.JwtTokenService;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.servlet.AccountApiKeyVerifier;
import dev.tokenkit.servlet.ApiKeyVerifier;
import dev.tokenkit.spring.TokenKitConfigurer;

/**
 * The sample's whole configuration. The security chain is the one the donations site had before tokens (home page,
 * form login, account page, CSRF); tokenkit is the one {@code .with(...)} line in {@code appChain}.
 * Accounts live in an embedded H2 database, tokens in memory.
 *
 * @since 0.1.0
 */
@Configuration
@EnableWebMvc
@EnableWebSecurity
@ComponentScan
public class SampleConfig implements WebMvcConfigurer {

	/**
	 * The site's security chain, with tokenkit added.
	 *
	 * @param http the chain builder
	 * @param accounts the accounts tokens are issued for
	 * @return the chain
	 * @throws Exception if the chain cannot be built
	 */
	@Bean
	SecurityFilterChain appChain(HttpSecurity http, AccountRepository accounts) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/try", "/static/**", "/api/public/**", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(Customizer.withDefaults())
			.with(TokenKitConfigurer.tokenKit(), (kit) -> kit.authenticator(new PasswordAuthenticator(accounts))
				.requireApiKey(PathPatternRequestMatcher.withDefaults().matcher("/api/secure/givingservice/**")));
		return http.build();
	}

	/**
	 * The accounts database: embedded H2, with tokenkit's schema.
	 *
	 * @return the data source
	 */
	@Bean(destroyMethod = "dispose")
	JdbcConnectionPool dataSource() {
		JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:tokenkit-sample;DB_CLOSE_DELAY=-1", "sa", "");
		JdbcSchema.createIfMissing(pool);
		return pool;
	}

	/**
	 * The accounts, with their per-account token timeouts.
	 *
	 * @param dataSource the accounts database
	 * @return the repository
	 */
	@Bean
	JdbcAccountRepository accounts(DataSource dataSource) {
		return new JdbcAccountRepository(dataSource);
	}

	/**
	 * Form login reads the same accounts.
	 *
	 * @param accounts the accounts
	 * @return the user details service
	 */
	@Bean
	UserDetailsService users(AccountRepository accounts) {
		return new AccountUserDetailsService(accounts);
	}

	/**
	 * GlobalGiving's {@code api_key} on donation calls.
	 *
	 * @param accounts the accounts
	 * @return the verifier
	 */
	@Bean
	ApiKeyVerifier apiKeys(AccountRepository accounts) {
		return new AccountApiKeyVerifier(accounts);
	}

	/**
	 * The clock tokens expire by.
	 *
	 * @return the system clock
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The tokens: opaque in memory by default; signed JWTs with {@code -Dtokenkit.tokens=jwt} (HS256 with the base64
	 * secret of {@code -Dtokenkit.jwt.secret}, at least 32 bytes, else a random secret for this run), with their
	 * revocations in memory.
	 *
	 * @param clock the clock
	 * @return the token service
	 */
	@Bean
	TokenService tokenService(Clock clock) {
		InMemoryTokenStore store = new InMemoryTokenStore(clock);
		String tokens = System.getProperty("tokenkit.tokens", "opaque");
		if (tokens.equals("opaque")) {
			return OpaqueTokenService.builder(store).clock(clock).build();
		}
		if (!tokens.equals("jwt")) {
			throw new IllegalStateException("tokenkit.tokens must be opaque or jwt, not " + tokens);
		}
		String secret = System.getProperty("tokenkit.jwt.secret");
		byte[] key = (secret != null) ? Base64.getDecoder().decode(secret) : randomSecret();
		return JwtTokenService.builder(store).key(JwtKey.hs256("sample", key)).clock(clock).build();
	}

	private static byte[] randomSecret() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return secret;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/static/**").addResourceLocations("classpath:/static/");
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/try").setViewName("forward:/static/try.html");
	}

}
