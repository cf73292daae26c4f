package dev.tokenkit.boot;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import io.micrometer.observation.ObservationRegistry;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.account.Authenticator;
import dev.tokenkit.core.observation.MicrometerTokenObservers;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.core.throttle.LoginAttempts;
import dev.tokenkit.spring.TokenKitConfigurer;
import dev.tokenkit.spring.TokenKitFirewall;

/**
 * Auto-configures tokenkit in a Spring Boot app from {@code tokenkit.*} ({@link TokenKitProperties}): the clock, the
 * token store, the login throttle's shared counts beside it, and the token service ({@link TokenStoreConfigurations},
 * {@link TokenServiceConfigurations}), the settings
 * every {@link TokenKitConfigurer} starts from, the {@link TokenObservers} of issues, checks, revocations and store
 * calls, the endpoints other services call to trust the tokens ({@link TrustEndpointsCustomizer}), tokenkit on every
 * security chain (unless
 * {@code tokenkit.auto-apply=false}), and Spring Security's strict firewall reading headers as tokenkit does. Each bean
 * backs off when the app defines its own. Credentials are checked by the app's own {@code AuthenticationManager} (its
 * {@code UserDetailsService} and {@code PasswordEncoder}) unless it defines a tokenkit {@link Authenticator}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@ConditionalOnClass(TokenKitConfigurer.class)
@EnableConfigurationProperties(TokenKitProperties.class)
@Import({ TokenStoreConfigurations.Memory.class, TokenStoreConfigurations.Jdbc.class,
		TokenStoreConfigurations.Redis.class, TokenStoreConfigurations.ModulesMissing.class,
		TokenStoreConfigurations.JdbcThrottle.class, TokenStoreConfigurations.RedisThrottle.class,
		TokenServiceConfigurations.Jwt.class, TokenServiceConfigurations.JwtMissing.class,
		TokenServiceConfigurations.Opaque.class })
public final class TokenKitAutoConfiguration {

	/**
	 * The clock tokens expire by.
	 *
	 * @return the system clock in UTC
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock tokenKitClock() {
		return Clock.systemUTC();
	}

	/**
	 * What observes tokenkit's work: Micrometer observations on the app's {@link ObservationRegistry} (with Spring
	 * Boot's Actuator), their {@code token.kind} and {@code store} tags from {@code tokenkit.token.kind} and
	 * {@code tokenkit.store.type}; else nothing.
	 *
	 * @param registry the app's observation registry, if any
	 * @param properties the settings
	 * @return the observers
	 */
	@Bean
	@ConditionalOnMissingBean
	TokenObservers tokenKitObservers(ObjectProvider<ObservationRegistry> registry, TokenKitProperties properties) {
		ObservationRegistry observations = registry.getIfUnique();
		return (observations == null) ? TokenObservers.none()
				: new MicrometerTokenObservers(observations, tag(properties.token().kind()),
						tag(properties.store().type()));
	}

	private static String tag(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The {@code tokenkit.*} settings, applied to every {@link TokenKitConfigurer} when it joins a chain (settings made
	 * in code win).
	 *
	 * @param properties the settings
	 * @param apiKeyVerifiers the app's api-key verifier, if any
	 * @param authenticators the app's tokenkit authenticator, if any
	 * @param clock the clock the login throttle's window runs on in this JVM
	 * @param loginAttempts the counts a login throttle shared by every node keeps, if any
	 * @return the customizer
	 */
	@Bean
	TokenKitPropertiesCustomizer tokenKitPropertiesCustomizer(TokenKitProperties properties,
			ObjectProvider<ApiKeyVerifier> apiKeyVerifiers, ObjectProvider<Authenticator> authenticators, Clock clock,
			ObjectProvider<LoginAttempts> loginAttempts) {
		boolean apiKeysKnown = apiKeyVerifiers.getIfAvailable() != null || authenticators.getIfAvailable() != null;
		return new TokenKitPropertiesCustomizer(properties, apiKeysKnown, clock, loginAttempts.getIfUnique());
	}

	/**
	 * The {@code tokenkit.jwk-set.*}, {@code tokenkit.introspection.*} and {@code tokenkit.metadata.*} settings,
	 * applied to every {@link TokenKitConfigurer} as the others are.
	 *
	 * @param properties the settings
	 * @return the customizer
	 */
	@Bean
	TrustEndpointsCustomizer tokenKitTrustEndpointsCustomizer(TokenKitProperties properties) {
		return new TrustEndpointsCustomizer(properties);
	}

	/** The parts of a servlet web app's security chain. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(HttpSecurity.class)
	static final class ChainConfiguration {

		/**
		 * tokenkit on every {@code HttpSecurity} the app builds: Spring Security 7 applies each
		 * {@code Customizer<HttpSecurity>} bean to every chain builder. A chain that adds tokenkit itself replaces this.
		 *
		 * @return the customizer
		 */
		@Bean
		@ConditionalOnBooleanProperty(name = "tokenkit.auto-apply", matchIfMissing = true)
		Customizer<HttpSecurity> tokenKitOnEveryChain() {
			return (http) -> http.with(TokenKitConfigurer.tokenKit(), Customizer.withDefaults());
		}

		/**
		 * Spring Security's strict firewall, reading header values as UTF-8 as tokenkit does.
		 *
		 * @return the firewall
		 */
		@Bean
		@ConditionalOnMissingBean
		HttpFirewall tokenKitFirewall() {
			return TokenKitFirewall.strict();
		}

		/**
		 * Answers what the firewall rejects with {@code 400} and tokenkit's headers, never the container's error page.
		 *
		 * @return the handler
		 */
		@Bean
		@ConditionalOnMissingBean
		RequestRejectedHandler tokenKitRequestRejectedHandler() {
			return TokenKitFirewall.rejectedRequests();
		}

	}

	/** On embedded Jetty: its own error answers without the request's URI, and forwarded headers from trusted proxies. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = { "org.eclipse.jetty.server.Server",
			"org.springframework.boot.jetty.servlet.JettyServletWebServerFactory" })
	static final class JettyConfiguration {

		/**
		 * Jetty's server-level error handler: {@link PlainJettyErrorHandler}.
		 *
		 * @return the customizer
		 */
		@Bean
		@ConditionalOnBooleanProperty(name = "tokenkit.jetty.plain-errors", matchIfMissing = true)
		WebServerFactoryCustomizer<JettyServletWebServerFactory> tokenKitJettyErrors() {
			return (factory) -> factory.addServerCustomizers((server) -> server.setErrorHandler(
					new PlainJettyErrorHandler()));
		}

		/**
		 * Jetty's forwarded headers, from the proxies of {@code tokenkit.jetty.trusted-proxies} only
		 * ({@link TrustedProxiesCustomizer}); with none, forwarded headers are never applied by tokenkit.
		 *
		 * @param properties the settings
		 * @return the customizer
		 */
		@Bean
		WebServerFactoryCustomizer<JettyServletWebServerFactory> tokenKitTrustedProxies(TokenKitProperties properties) {
			List<String> proxies = properties.jetty().trustedProxies();
			TrustedProxiesCustomizer trusted = TokenKitPropertiesCustomizer.check("tokenkit.jetty.trusted-proxies",
					() -> new TrustedProxiesCustomizer(proxies));
			return (factory) -> factory.addServerCustomizers((server) -> {
				if (proxies.isEmpty()) {
					return;
				}
				for (Connector connector : server.getConnectors()) {
					HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
					if (http != null) {
						http.getHttpConfiguration().addCustomizer(trusted);
					}
				}
			});
		}

	}

}
