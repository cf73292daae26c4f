package dev.tokenkit.sample;

import java.time.Duration;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.tokenkit.boot.TokenKitProperties;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.AccountApiKeyVerifier;
import dev.tokenkit.core.account.AccountRepository;
import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.core.jdbc.JdbcAccountRepository;
import dev.tokenkit.core.jdbc.JdbcSchema;
import dev.tokenkit.spring.TokenKitConfigurer;

/**
 * The sample's own configuration. The security chain is the one the donations site had before tokens (home page,
 * form login, account page, CSRF, method security); tokenkit is the one {@code .with(...)} line in {@code appChain},
 * configured by the {@code tokenkit.*} properties of {@code application.properties}. Accounts live in the app's
 * database, with their own token timeouts and api keys; the starter makes the token service and store.
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SampleConfig implements WebMvcConfigurer {

	/**
	 * Actuator's endpoints ({@code /actuator/health}, {@code metrics}, {@code prometheus}): for accounts with
	 * {@code ROLE_ADMIN}, over HTTP Basic, without a session; anyone else gets {@code 401}, a signed-in account
	 * without the role {@code 403}. Tokens are not read here: a token holder is not an operator.
	 *
	 * @param http the chain builder
	 * @return the chain
	 * @throws Exception if the chain cannot be built
	 */
	@Bean
	@Order(1)
	SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("ADMIN"))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * The site's security chain, with tokenkit added. Sessions are registered, so that the account page can end an
	 * account's other sessions.
	 *
	 * @param http the chain builder
	 * @param sessionRegistry the site's sessions
	 * @return the chain
	 * @throws Exception if the chain cannot be built
	 */
	@Bean
	@Order(2)
	SecurityFilterChain appChain(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/try", "/static/**", "/api/public/**", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(Customizer.withDefaults())
			.sessionManagement((sessions) -> sessions.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredUrl("/login?expired"))
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.with(TokenKitConfigurer.tokenKit(), Customizer.withDefaults());
		return http.build();
	}

	/**
	 * The site's sessions on this node, by account.
	 *
	 * @return the registry
	 */
	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/**
	 * Tells the session registry of sessions that end.
	 *
	 * @return the publisher
	 */
	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	/**
	 * The app's database ({@code spring.datasource.url}), pooled by Commons DBCP 2 with its waits capped by the store
	 * timeout ({@code tokenkit.store.timeout}). The pool opens connections on the calling thread and drops a
	 * connection that failed, so that service resumes with the first request after an outage. Waiting for a
	 * connection, opening one and the check of an idle one before it is lent are capped by the store timeout (left
	 * unset, pgjdbc's check would wait for the socket timeout); so are PostgreSQL's statement cancels (whose driver
	 * default is ten seconds) and its socket reads (plus a second, so that a statement's own timeout fires first).
	 * PostgreSQL's error details, which can quote row values, stay out of exception messages.
	 *
	 * @param database the {@code spring.datasource.*} settings
	 * @param tokenKit the tokenkit settings, for the store timeout
	 * @return the data source
	 */
	@Bean
	BasicDataSource dataSource(DataSourceProperties database, TokenKitProperties tokenKit) {
		Duration timeout = tokenKit.store().timeout();
		long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
		BasicDataSource dataSource = new BasicDataSource();
		dataSource.setUrl(database.determineUrl());
		dataSource.setUsername(database.determineUsername());
		dataSource.setPassword(database.determinePassword());
		dataSource.setDriverClassName(database.determineDriverClassName());
		dataSource.setMaxTotal(16);
		dataSource.setMaxWait(timeout);
		dataSource.setValidationQueryTimeout(Duration.ofSeconds(seconds));
		if (database.determineUrl().startsWith("jdbc:postgresql:")) {
			dataSource.addConnectionProperty("loginTimeout", Long.toString(seconds));
			dataSource.addConnectionProperty("connectTimeout", Long.toString(seconds));
			dataSource.addConnectionProperty("cancelSignalTimeout", Long.toString(seconds));
			dataSource.addConnectionProperty("socketTimeout", Long.toString(seconds + 1));
			dataSource.addConnectionProperty("logServerErrorDetail", "false");
		}
		return dataSource;
	}

	/**
	 * The accounts, with their per-account token timeouts, in the app's database (tables made when missing).
	 *
	 * @param dataSource the app's database
	 * @param tokenKit the tokenkit settings, for the store timeout
	 * @return the repository
	 */
	@Bean
	JdbcAccountRepository accounts(DataSource dataSource, TokenKitProperties tokenKit) {
		JdbcSchema.createIfMissing(dataSource);
		return new JdbcAccountRepository(dataSource, tokenKit.store().timeout());
	}

	/**
	 * Token logins check passwords against the same accounts, and apply each account's token timeouts.
	 *
	 * @param accounts the accounts
	 * @return the authenticator
	 */
	@Bean
	PasswordAuthenticator authenticator(AccountRepository accounts) {
		return new PasswordAuthenticator(accounts);
	}

	/**
	 * Form login reads the same accounts: a username or an email address logs in, with the account's password hash,
	 * authorities and enabled flag.
	 *
	 * @param accounts the accounts
	 * @return the user details service
	 */
	@Bean
	UserDetailsService users(AccountRepository accounts) {
		return (login) -> {
			StoredAccount stored = accounts.findByLogin(login)
				.orElseThrow(() -> new UsernameNotFoundException("No such account"));
			Account account = stored.account();
			return User.withUsername(account.username())
				.password(stored.passwordHash())
				.authorities(account.authorities().toArray(String[]::new))
				.disabled(!account.enabled())
				.build();
		};
	}

	/**
	 * GlobalGiving's {@code api_key} on logins and donation calls.
	 *
	 * @param accounts the accounts
	 * @return the verifier
	 */
	@Bean
	ApiKeyVerifier apiKeys(AccountRepository accounts) {
		return new AccountApiKeyVerifier(accounts);
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/try").setViewName("forward:/static/try.html");
	}

}
