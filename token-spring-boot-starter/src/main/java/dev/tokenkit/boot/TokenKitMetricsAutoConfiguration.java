package dev.tokenkit.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import dev.tokenkit.core.observation.TokenKitMeterObservationHandler;

/**
 * With Spring Boot's metrics (Actuator and a {@link MeterRegistry}): tokenkit's observations become timers through
 * the {@link TokenKitMeterObservationHandler}, ordered before Boot's default handler, which Boot then uses for every
 * other observation.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, MeterObservationHandler.class, TokenKitMeterObservationHandler.class })
@ConditionalOnBean(MeterRegistry.class)
public final class TokenKitMetricsAutoConfiguration {

	/**
	 * The timers of tokenkit's observations.
	 *
	 * @param registry the app's meter registry
	 * @return the handler, first among the meter observation handlers
	 */
	@Bean
	@Order(0)
	@ConditionalOnMissingBean
	TokenKitMeterObservationHandler tokenKitMeterObservationHandler(MeterRegistry registry) {
		return new TokenKitMeterObservationHandler(registry);
	}

}
