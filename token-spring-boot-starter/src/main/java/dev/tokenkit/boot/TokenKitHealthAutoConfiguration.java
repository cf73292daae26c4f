package dev.tokenkit.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.tokenkit.core.store.TokenStore;

/**
 * With Spring Boot's health support present: the {@code tokenkit} health indicator of the token store
 * ({@code management.health.tokenkit.enabled=false} turns it off).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TokenKitAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(TokenStore.class)
public final class TokenKitHealthAutoConfiguration {

	/**
	 * The store's health.
	 *
	 * @param store the token store
	 * @param properties the settings, for {@code tokenkit.store.slow-threshold}
	 * @return the indicator
	 */
	@Bean
	@ConditionalOnEnabledHealthIndicator("tokenkit") // here, not on the class: its condition is in spring-boot-health
	@ConditionalOnMissingBean(name = "tokenkitHealthIndicator")
	TokenStoreHealthIndicator tokenkitHealthIndicator(TokenStore store, TokenKitProperties properties) {
		try {
			return new TokenStoreHealthIndicator(store, properties.store().slowThreshold());
		}
		catch (IllegalArgumentException ex) {
			throw new TokenKitConfigurationException("tokenkit.store.slow-threshold", "It must be positive.");
		}
	}

}
