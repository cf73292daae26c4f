package dev.tokenkit.core.observation;

import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.management.ThreadMXBean;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.tokenkit.core.StoreUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Observations become timers through {@link TokenKitMeterObservationHandler}; a no-op registry costs nothing. */
class MicrometerTokenObserversTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final MicrometerTokenObservers observers = new MicrometerTokenObservers(this.registry, "opaque", "jdbc");

	MicrometerTokenObserversTests() {
		// tokenkit's handler first, Micrometer's default behind it, as Spring Boot orders them
		this.registry.observationConfig()
			.observationHandler(new FirstMatchingCompositeObservationHandler(
					new TokenKitMeterObservationHandler(this.meters), new DefaultMeterObservationHandler(this.meters)));
	}

	@Test
	void checksThenOneTimerPerOutcomeAndReasonCountingTheirCalls() {
		TokenObserver checks = this.observers.checks();
		checks.start().succeeded();
		checks.start().succeeded();
		checks.start().failed(FailureReason.EXPIRED);

		assertThat(checkTimer("success", "none").count()).isEqualTo(2);
		assertThat(checkTimer("failure", "expired").count()).isEqualTo(1);
		assertThat(this.meters.find(MicrometerTokenObservers.CHECKS).timers()).hasSize(2);
		// only tokenkit's handler saw them: no long-task timer of Micrometer's default handler
		assertThat(this.meters.find(MicrometerTokenObservers.CHECKS + ".active").meters()).isEmpty();
	}

	@Test
	void storeCallsThenTimedAndAStoreOutageOrAFaultIsAFailure() {
		TokenObserver finds = this.observers.storeCalls("find");
		assertThat(finds.observe(() -> "found")).isEqualTo("found");
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> finds.observe(() -> {
			throw new StoreUnavailableException(new ConnectException("refused"));
		}));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> finds.observe(() -> {
			throw new IllegalStateException("bug");
		}));

		Timer found = this.meters.get(MicrometerTokenObservers.STORE_CALLS)
			.tags("operation", "find", "store", "jdbc", "outcome", "success", "reason", "none")
			.timer();
		assertThat(found.count()).isEqualTo(1);
		assertThat(this.meters.get(MicrometerTokenObservers.STORE_CALLS).tags("reason", "store_unavailable").timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get(MicrometerTokenObservers.STORE_CALLS).tags("reason", "error").timer().count())
			.isEqualTo(1);
	}

	@Test
	void otherObservationsThenLeftToTheDefaultHandler() {
		Observation.start("app.work", this.registry).stop();
		assertThat(this.meters.find("app.work").timer()).isNotNull();
		assertThat(this.meters.find("app.work.active").longTaskTimer()).isNotNull();
	}

	@Test
	void issuesAndRevocationsThenTaggedWithDialectOperationAndTokenKind() {
		this.observers.issues("dsi").start().failed(FailureReason.THROTTLED);
		this.observers.revocations("revoke_all").start().succeeded();
		assertThat(this.meters.get(MicrometerTokenObservers.ISSUES)
			.tags("dialect", "dsi", "token.kind", "opaque", "outcome", "failure", "reason", "throttled")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get(MicrometerTokenObservers.REVOCATIONS)
			.tags("operation", "revoke_all", "token.kind", "opaque", "outcome", "success")
			.timer()
			.totalTime(TimeUnit.NANOSECONDS)).isPositive();
	}

	private Timer checkTimer(String outcome, String reason) {
		return this.meters.get(MicrometerTokenObservers.CHECKS)
			.tags("token.kind", "opaque", "outcome", outcome, "reason", reason)
			.timer();
	}

	/** Any object made per call would be at least 16 bytes: 100,000 calls stay under one byte each. */
	@Test
	void noopRegistryOrNoneThenAnObservationAllocatesNothing() {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		for (TokenObserver checks : List.of(TokenObservers.none().checks(),
				new MicrometerTokenObservers(ObservationRegistry.NOOP, "opaque", "memory").checks())) {
			for (int i = 0; i < 20_000; i++) {
				checks.start().succeeded();
			}
			long before = threads.getCurrentThreadAllocatedBytes();
			for (int i = 0; i < 100_000; i++) {
				checks.start().failed(FailureReason.EXPIRED);
			}
			assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(100_000);
		}
	}

	@Test
	void noopRegistryOrNoneThenTheSharedNoOpObservation() {
		TokenObserver onNoop = new MicrometerTokenObservers(ObservationRegistry.NOOP, "opaque", "memory").checks();
		assertThat(onNoop.start()).isSameAs(onNoop.start()).isSameAs(TokenObservers.none().checks().start());
		assertThat(TokenObservers.none().storeCalls("find")).isSameAs(TokenObservers.none().issues("dsi"));
		assertThat(this.meters.getMeters()).isEmpty();
	}

}
