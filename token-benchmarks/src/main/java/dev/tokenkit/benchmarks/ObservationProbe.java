package dev.tokenkit.benchmarks;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** probe */
@State(Scope.Benchmark)
public class ObservationProbe extends BenchmarkSettings {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final Timer timer = Timer.builder("x").tag("outcome", "success").register(this.meters);

	{
		this.registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
	}

	/** @return o */
	@Benchmark
	public Observation observation() {
		Observation o = Observation.createNotStarted("tokenkit.tokens.checks", this.registry)
			.lowCardinalityKeyValue("token.kind", "opaque")
			.start();
		o.lowCardinalityKeyValue("outcome", "success");
		o.stop();
		return o;
	}

	private final ObservationRegistry bare = ObservationRegistry.create();

	{
		this.bare.observationConfig().observationHandler((context) -> true);
	}

	private final io.micrometer.common.KeyValues fixed = io.micrometer.common.KeyValues.of("token.kind", "opaque");

	/** @return o */
	@Benchmark
	public Observation bareObservation() {
		Observation o = Observation.createNotStarted("tokenkit.tokens.checks", Observation.Context::new, this.bare)
			.lowCardinalityKeyValues(this.fixed)
			.start();
		o.lowCardinalityKeyValue("outcome", "success");
		o.stop();
		return o;
	}

	/** @return t */
	@Benchmark
	public long timer() {
		long start = System.nanoTime();
		long end = System.nanoTime();
		this.timer.record(end - start, java.util.concurrent.TimeUnit.NANOSECONDS);
		return end;
	}

}
