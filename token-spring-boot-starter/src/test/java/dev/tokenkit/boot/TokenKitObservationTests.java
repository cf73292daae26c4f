package dev.tokenkit.boot;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.observation.MicrometerTokenObservers;
import dev.tokenkit.core.observation.TokenKitMeterObservationHandler;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.core.testing.TestAccounts;
import dev.tokenkit.spring.TokenRevocationEvent;
import dev.tokenkit.spring.TokenRevokedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter's observers, meter handler and revocation events, with and without Actuator's registries. */
class TokenKitObservationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TokenKitAutoConfiguration.class, TokenKitMetricsAutoConfiguration.class,
				DataSourceAutoConfiguration.class));

	@Test
	void observersWhenNoObservationRegistryThenNone() {
		this.runner.run((context) -> assertThat(context.getBean(TokenObservers.class)).isSameAs(TokenObservers.none())
			.satisfies((observers) -> assertThat(context).doesNotHaveBean(TokenKitMeterObservationHandler.class)));
	}

	@Test
	void observersWhenRegistryAndJdbcStoreThenRevocationsAndStoreCallsObservedWithKindAndStore() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("tokenkit.store.type=jdbc", "spring.datasource.url=jdbc:h2:mem:observed-store")
			.run((context) -> {
				assertThat(context.getBean(TokenObservers.class)).isInstanceOf(MicrometerTokenObservers.class);
				TokenService tokens = context.getBean(TokenService.class);
				tokens.revoke(tokens.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(5))).value());
				TestObservationRegistryAssert.assertThat(registry)
					.hasAnObservation((observation) -> observation.hasNameEqualTo(MicrometerTokenObservers.STORE_CALLS)
						.hasLowCardinalityKeyValue("store", "jdbc")
						.hasLowCardinalityKeyValue("operation", "save"))
					.hasAnObservation((observation) -> observation.hasNameEqualTo(MicrometerTokenObservers.REVOCATIONS)
						.hasLowCardinalityKeyValue("token.kind", "opaque")
						.hasLowCardinalityKeyValue("outcome", "success"));
			});
	}

	@Test
	void observersWhenMemoryStoreThenItsCallsAreNotObserved() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			TokenService tokens = context.getBean(TokenService.class);
			tokens.revoke(tokens.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(5))).value());
			TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo(MicrometerTokenObservers.STORE_CALLS, 0)
				.hasNumberOfObservationsWithNameEqualTo(MicrometerTokenObservers.REVOCATIONS, 1);
		});
	}

	@Test
	void metricsWhenActuatorsRegistriesThenTokenKitsHandlerTimesItsObservationsAndBootsTheRest() {
		this.runner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(TokenKitMeterObservationHandler.class);
				TokenService tokens = context.getBean(TokenService.class);
				tokens.revokeAll(TestAccounts.alice().id());
				Observation.start("app.work", context.getBean(ObservationRegistry.class))
					.stop();
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get(MicrometerTokenObservers.REVOCATIONS).tag("operation", "revoke_all").timer()
					.count()).isEqualTo(1);
				// Boot's default handler would have added a long-task timer; it still times the app's own
				assertThat(meters.find(MicrometerTokenObservers.REVOCATIONS + ".active").meters()).isEmpty();
				assertThat(meters.find("app.work").timer()).isNotNull();
			});
	}

	@Test
	void eventsWhenATokenIsRevokedThenTheStartersServicePublishesIt() {
		RevocationListener listener = new RevocationListener();
		this.runner.withBean(RevocationListener.class, () -> listener).run((context) -> {
			TokenService tokens = context.getBean(TokenService.class);
			tokens.revoke(tokens.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(5))).value());
			assertThat(listener.last).isInstanceOf(TokenRevokedEvent.class);
			assertThat(listener.last.getAccountId()).isEqualTo(TestAccounts.alice().id());
		});
	}

	static final class RevocationListener implements ApplicationListener<TokenRevocationEvent> {

		volatile TokenRevocationEvent last;

		@Override
		public void onApplicationEvent(TokenRevocationEvent event) {
			this.last = event;
		}

	}

}
