package dev.tokenkit.sample;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.AccountApiKeyVerifier;
import dev.tokenkit.core.account.AccountRepository;
import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.core.jdbc.JdbcAccountRepository;
import dev.tokenkit.core.jdbc.JdbcSchema;
import dev.tokenkit.core.jdbc.JdbcTokenStore;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.jwt.JwtKey;
import dev.tokenkit.jwt.JwtTokenService;
import dev.tokenkit.redis.RedisTokenStore;
import dev.tokenkit.servlet.InMemoryLoginThrottle;
import dev.tokenkit.servlet.LoginThrottle;
import dev.tokenkit.spring.TokenKitConfigurer;
import dev.tokenkit.spring.TokenKitFirewall;

/**
 * The sample's whole configuration. The security chain is the one the donations site had before tokens (home page,
 * form login, account page, CSRF); tokenkit is the one {@code .with(...)} line in {@code appChain}.
 * By default accounts live in an embedded H2 database and tokens in memory; {@link SampleSettings} moves them to
 * PostgreSQL and Redis.
 *
 * @since 0.1.0
 */
@Configuration
@EnableWebMvc
@EnableWebSecurity
@EnableScheduling
@ComponentScan
public class SampleConfig implements WebMvcConfigurer {

	/** How long the login throttle counts failures. */
	public static final Duration LOGIN_THROTTLE_WINDOW = Duration.ofMinutes(15);

	/** The {@code iss} and {@code aud} of the sample's JWTs. */
	public static final String JWT_ISSUER = "tokenkit-sample";

	private static final Logger logger = LoggerFactory.getLogger(SampleConfig.class);

	/**
	 * The site's security chain, with tokenkit added.
	 *
	 * @param http the chain builder
	 * @param accounts the accounts tokens are issued for
	 * @param settings the sample's settings (the login throttle)
	 * @param clock the clock the throttle's window runs on
	 * @return the chain
	 * @throws Exception if the chain cannot be built
	 */
	@Bean
	SecurityFilterChain appChain(HttpSecurity http, AccountRepository accounts, SampleSettings settings, Clock clock)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/try", "/static/**", "/api/public/**", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(Customizer.withDefaults())
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.with(TokenKitConfigurer.tokenKit(), (kit) -> kit.authenticator(new PasswordAuthenticator(accounts))
				.loginThrottle((settings.loginFailures() > 0)
						? new InMemoryLoginThrottle(settings.loginFailures(), LOGIN_THROTTLE_WINDOW, clock)
						: LoginThrottle.disabled())
				.requireApiKey(PathPatternRequestMatcher.withDefaults().matcher("/api/secure/givingservice/**")));
		return http.build();
	}

	/**
	 * Spring Security's strict firewall, reading header values as tokenkit does (UTF-8), so that a password with
	 * non-ASCII letters in the {@code Authorization: user} header gets through while control characters do not; what
	 * it rejects is answered {@code 400} with tokenkit's headers ({@code nosniff}, {@code no-store}).
	 *
	 * @return the customizer
	 */
	@Bean
	WebSecurityCustomizer firewall() {
		return (web) -> web.httpFirewall(TokenKitFirewall.strict())
			.requestRejectedHandler(TokenKitFirewall.rejectedRequests());
	}

	/**
	 * What the sample runs on: embedded by default, real servers by setting (see {@link SampleSettings}).
	 *
	 * @param environment system properties and environment variables
	 * @return the settings
	 */
	@Bean
	SampleSettings settings(Environment environment) {
		SampleSettings settings = SampleSettings.from(environment);
		logger.info("tokenkit sample: {}", settings.describe());
		return settings;
	}

	/**
	 * The accounts database, pooled, with tokenkit's tables created when missing. The pool opens connections on the
	 * calling thread and drops a connection that failed, so that service resumes with the first request after an
	 * outage. Waiting for a connection, opening one and the check of an idle one before it is lent are capped by the
	 * store timeout (left unset, pgjdbc's check would wait for the socket timeout); so are PostgreSQL's statement
	 * cancels (whose driver default is ten seconds) and its socket reads (plus a second, so that a statement's own
	 * timeout fires first). PostgreSQL's error details, which can quote row values, stay out of exception messages.
	 *
	 * @param settings the sample's settings
	 * @return the data source
	 */
	@Bean
	BasicDataSource dataSource(SampleSettings settings) {
		BasicDataSource dataSource = new BasicDataSource();
		dataSource.setUrl(settings.accountsUrl());
		dataSource.setMaxTotal(16);
		dataSource.setMaxWait(settings.storeTimeout());
		dataSource.setValidationQueryTimeout(Duration.ofSeconds(settings.storeTimeoutSeconds()));
		if (settings.accountsOnPostgres()) {
			long seconds = settings.storeTimeoutSeconds();
			dataSource.addConnectionProperty("loginTimeout", Long.toString(seconds));
			dataSource.addConnectionProperty("connectTimeout", Long.toString(seconds));
			dataSource.addConnectionProperty("cancelSignalTimeout", Long.toString(seconds));
			dataSource.addConnectionProperty("socketTimeout", Long.toString(seconds + 1));
			dataSource.addConnectionProperty("logServerErrorDetail", "false");
		}
		JdbcSchema.createIfMissing(dataSource);
		return dataSource;
	}

	/**
	 * The accounts, with their per-account token timeouts.
	 *
	 * @param dataSource the accounts database
	 * @param settings the sample's settings
	 * @return the repository
	 */
	@Bean
	JdbcAccountRepository accounts(DataSource dataSource, SampleSettings settings) {
		return new JdbcAccountRepository(dataSource, settings.storeTimeout());
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
	 * Where tokens (or, for JWTs, their revocations) live: in memory by default, else the accounts database or Redis.
	 *
	 * @param settings the sample's settings
	 * @param dataSource the accounts database
	 * @param clock the clock
	 * @return the store
	 */
	@Bean
	TokenStore tokenStore(SampleSettings settings, DataSource dataSource, Clock clock) {
		return switch (settings.store()) {
			case MEMORY -> new InMemoryTokenStore(clock);
			case JDBC -> JdbcTokenStore.builder(dataSource).clock(clock).queryTimeout(settings.storeTimeout()).build();
			case REDIS -> RedisTokenStore.builder(settings.redisUrl())
				.keyPrefix(settings.redisKeyPrefix())
				.clock(clock)
				.timeout(settings.storeTimeout())
				.build();
		};
	}

	/**
	 * The tokens: opaque by default; signed HS256 JWTs with {@code tokenkit.tokens=jwt}, whose issuer and audience are
	 * both the sample ({@value #JWT_ISSUER}), so that a JWT another app signed with the same secret is refused.
	 *
	 * @param settings the sample's settings
	 * @param store where tokens or their revocations live
	 * @param clock the clock
	 * @return the token service
	 */
	@Bean
	TokenService tokenService(SampleSettings settings, TokenStore store, Clock clock) {
		return switch (settings.tokens()) {
			case OPAQUE -> OpaqueTokenService.builder(store).clock(clock).build();
			case JWT -> JwtTokenService.builder(store)
				.key(JwtKey.hs256("sample", (settings.jwtSecret() != null) ? settings.jwtSecret() : randomSecret()))
				.issuer(JWT_ISSUER)
				.audience(JWT_ISSUER)
				.clock(clock)
				.build();
		};
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
