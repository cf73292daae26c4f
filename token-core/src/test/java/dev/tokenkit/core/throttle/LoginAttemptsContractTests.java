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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract every {@link LoginAttempts} keeps, run against each implementation by a subclass: admission within the
 * limit, failure windows from the first failure, attempts in flight that end by their id or lapse, and atomic
 * admission.
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
			assertThat(this.attempts.admit("carol", "a" + i, 3)).isEqualTo(new Admission(true, 0));
		}
		assertThat(this.attempts.admit("carol", "a3", 3)).isEqualTo(new Admission(false, 0));
		assertThat(this.attempts.admit("dave", "a3", 3)).as("another key").isEqualTo(new Admission(true, 0));

		this.attempts.release("carol", "a1");
		assertThat(this.attempts.admit("carol", "a4", 3)).isEqualTo(new Admission(true, 0));
	}

	@Test
	void releaseWhenRepeatedOrOfAnAttemptNotInFlightThenEndsNoOther() {
		this.attempts.admit("carol", "a1", 2);
		this.attempts.admit("carol", "a2", 2);
		this.attempts.release("carol", "a1");
		this.attempts.release("carol", "a1");
		this.attempts.release("carol", "never-admitted");
		this.attempts.release("dave", "a2");
		assertThat(this.attempts.admit("carol", "a3", 2)).isEqualTo(new Admission(true, 0));
		assertThat(this.attempts.admit("carol", "a4", 2)).as("a2 is still in flight").isEqualTo(new Admission(false, 0));
	}

	@Test
	void recordFailureThenCountedAndTheAttemptEnds() {
		this.attempts.admit("carol", "a1", 2);
		this.attempts.admit("carol", "a2", 2);
		this.attempts.recordFailure("carol", "a1", WINDOW);
		assertThat(this.attempts.admit("carol", "a3", 2)).as("one failure, one in flight")
			.isEqualTo(new Admission(false, 1));

		this.attempts.release("carol", "a2");
		assertThat(this.attempts.admit("carol", "a4", 2)).isEqualTo(new Admission(true, 1));
		this.attempts.recordFailure("carol", "a4", WINDOW);
		assertThat(this.attempts.admit("carol", "a5", 2)).isEqualTo(new Admission(false, 2));
	}

	@Test
	void recordFailureWithoutAdmissionThenCounted() {
		for (int i = 0; i < 4; i++) {
			this.attempts.recordFailure("10.0.0.1", "a" + i, WINDOW);
		}
		assertThat(this.attempts.admit("10.0.0.1", "a5", 4)).isEqualTo(new Admission(false, 4));
		assertThat(this.attempts.admit("10.0.0.1", "a6", 5)).isEqualTo(new Admission(true, 4));
	}

	@Test
	void failuresWhenTheWindowFromTheFirstFailureEndsThenForgotten() {
		this.attempts.recordFailure("carol", "a1", WINDOW);
		this.clock.advance(Duration.ofMinutes(10));
		this.attempts.recordFailure("carol", "a2", WINDOW);
		assertThat(this.attempts.admit("carol", "a3", 2)).isEqualTo(new Admission(false, 2));

		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(this.attempts.admit("carol", "a4", 2)).isEqualTo(new Admission(true, 0));
		this.attempts.recordFailure("carol", "a4", WINDOW);
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.attempts.admit("carol", "a5", 2)).as("a new window from the new failure")
			.isEqualTo(new Admission(true, 1));
	}

	@Test
	void attemptsInFlightWhenNotEndedWithinTheirLeaseThenEachStopsCounting() {
		this.attempts.admit("carol", "a1", 2);
		this.clock.advance(Duration.ofSeconds(30));
		this.attempts.admit("carol", "a2", 2);
		this.clock.advance(LoginAttempts.LEASE.minusSeconds(31));
		assertThat(this.attempts.admit("carol", "a3", 2).admitted()).isFalse();

		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.attempts.admit("carol", "a4", 2)).as("a1's node died").isEqualTo(new Admission(true, 0));
		assertThat(this.attempts.admit("carol", "a5", 2).admitted()).as("a2's lease runs on").isFalse();
	}

	@Test
	void stepsWhenKeyOrAttemptEmptyOrTooLongThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.attempts.admit("k".repeat(129), "a1", 3))
			.withMessage("key must have 1 to 128 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> this.attempts.admit("", "a1", 3));
		assertThatIllegalArgumentException().isThrownBy(() -> this.attempts.release("carol", "a".repeat(65)))
			.withMessage("attempt must have 1 to 64 characters");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.attempts.recordFailure("carol", "", Duration.ofMinutes(1)));
		assertThat(this.attempts.admit("k".repeat(128), "a".repeat(64), 1)).isEqualTo(new Admission(true, 0));
	}

	@Test
	void admitWhenManyAtOnceThenExactlyTheLimitAdmitted() throws Exception {
		this.attempts.recordFailure("carol", "a0", WINDOW);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> calls = new ArrayList<>();
			for (int i = 1; i <= 40; i++) {
				String attempt = "a" + i;
				calls.add(() -> this.attempts.admit("carol", attempt, 6).admitted());
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
