package dev.tokenkit.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The measurement settings the JMH benchmarks here share, inherited by each (JMH's annotations are
 * {@code @Inherited}): average time per operation in nanoseconds, one fork, three one-second warm-up iterations and
 * five one-second measured ones. A benchmark that needs longer runs overrides {@code @Warmup} or
 * {@code @Measurement}; the command line overrides them all.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class BenchmarkSettings {

}
