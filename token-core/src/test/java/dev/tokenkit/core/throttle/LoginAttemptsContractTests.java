package dev.tokenkit.core.throttle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.throttle.LoginAttempts.Admission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link LoginAttempts} keeps, run against each implementation by a subclass: admission within the
 * limit, failure windows from the first failure, attempts in flight that end or lapse, and atomic admission.
 */
public abstract class LoginAttemptsContractTests {

	private static final Duration WINDOW = Duration.ofMinutes(15);

	protected MutableClock clock;

	protected LoginAttempts attempts;

	/** New, empty counts on the given clock. */
	protected abstract LoginAttempts createAttempts(MutableClock clock);

	@BeforeEach
	void setUpAttempts() {
		this.clock = MutableClock.start();
		this.attempts = createAttempts(this.clock);
	}

	@Test
	void admitWhenAttemptsInFlightFillTheLimitThenRefusedUntilOneIsReleased() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.attempts.admit("carol", 3)).isEqualTo(new Admission(true, 0));
		}
		assertThat(this.attempts.admit("carol", 3)).isEqualTo(new Admission(false, 0));
		assertThat(this.attempts.admit("dave", 3)).as("another key").isEqualTo(new Admission(true, 0));

		this.attempts.release("carol");
		assertThat(this.attempts.admit("carol", 3)).isEqualTo(new Admission(true, 0));
	}

	@Test
	void recordFailureThenCountedAndTheAttemptEnds() {
		this.attempts.admit("carol", 2);
		this.attempts.admit("carol", 2);
		this.attempts.recordFailure("carol", WINDOW);
		assertThat(this.attempts.admit("carol", 2)).as("one failure, one in flight").isEqualTo(new Admission(false, 1));

		this.attempts.release("carol");
		assertThat(this.attempts.admit("carol", 2)).isEqualTo(new Admission(true, 1));
		this.attempts.recordFailure("carol", WINDOW);
		assertThat(this.attempts.admit("carol", 2)).isEqualTo(new Admission(false, 2));
	}

	@Test
	void recordFailureWithoutAdmissionThenCounted() {
		for (int i = 0; i < 4; i++) {
			this.attempts.recordFailure("10.0.0.1", WINDOW);
		}
		assertThat(this.attempts.admit("10.0.0.1", 4)).isEqualTo(new Admission(false, 4));
		assertThat(this.attempts.admit("10.0.0.1", 5)).isEqualTo(new Admission(true, 4));
	}

	@Test
	void failuresWhenTheWindowFromTheFirstFailureEndsThenForgotten() {
		this.attempts.recordFailure("carol", WINDOW);
		this.clock.advance(Duration.ofMinutes(10));
		this.attempts.recordFailure("carol", WINDOW);
		assertThat(this.attempts.admit("carol", 2)).isEqualTo(new Admission(false, 2));

		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(this.attempts.admit("carol", 2)).isEqualTo(new Admission(true, 0));
		this.attempts.recordFailure("carol", WINDOW);
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.attempts.admit("carol", 2)).as("a new window from the new failure")
			.isEqualTo(new Admission(true, 1));
	}

	@Test
	void attemptsInFlightWhenNoneEndsWithinTheLeaseThenStopCounting() {
		this.attempts.admit("carol", 2);
		this.attempts.admit("carol", 2);
		this.clock.advance(LoginAttempts.LEASE.minusSeconds(1));
		assertThat(this.attempts.admit("carol", 2).admitted()).isFalse();

		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.attempts.admit("carol", 2)).as("the node that took them died")
			.isEqualTo(new Admission(true, 0));
		assertThat(this.attempts.admit("carol", 2)).isEqualTo(new Admission(true, 0));
		assertThat(this.attempts.admit("carol", 2).admitted()).isFalse();
	}

	@Test
	void releaseWhenNothingInFlightThenNothingChanges() {
		this.attempts.release("carol");
		this.attempts.release("carol");
		assertThat(this.attempts.admit("carol", 1)).isEqualTo(new Admission(true, 0));
		assertThat(this.attempts.admit("carol", 1)).isEqualTo(new Admission(false, 0));
	}

	@Test
	void admitWhenManyAtOnceThenExactlyTheLimitAdmitted() throws Exception {
		this.attempts.recordFailure("carol", WINDOW);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> calls = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				calls.add(() -> this.attempts.admit("carol", 6).admitted());
			}
			int admitted = 0;
			for (Future<Boolean> result : threads.invokeAll(calls)) {
				admitted += result.get() ? 1 : 0;
			}
			assertThat(admitted).isEqualTo(5);
		}
		finally {
			threads.shutdownNow();
		}
	}

}
