package dev.tokenkit.redis.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import dev.tokenkit.core.StoreUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover under load, as the failover tests of token-redis and of the sample run it: 16 threads run rounds (issue,
 * use, revoke, try the revoked token) against two nodes; after three seconds a primary is killed; the load runs on
 * until three seconds pass without a refusal (at most 70 seconds after the kill). The rounds report what they see
 * here, and the figures are printed for {@code docs/scaling.md} and checked: no revoked token accepted, nothing
 * accepted that the store no longer had, and service back within ten seconds of Redis's own failover (which this
 * measures apart: how long Redis takes to elect a new primary is Redis's, and on a busy two-core machine it has taken
 * forty seconds).
 */
public final class FailoverLoad {

	/** The client threads. */
	public static final int THREADS = 16;

	/** How long the load must run without a refusal, after the kill, for service to count as back. */
	private static final long QUIET_MILLIS = 3_000;

	/** How long after Redis's own failover service must be back. */
	private static final long CLIENT_RECOVERY_MILLIS = 10_000;

	/** One round of one thread. */
	@FunctionalInterface
	public interface Round {

		void run(FailoverLoad load, int thread);

	}

	/** The kill of a primary; it returns the killed server's port once the kill is done, not once the failover is. */
	@FunctionalInterface
	public interface Kill {

		int run() throws InterruptedException;

	}

	/** Whether Redis has failed over from the killed server, which it is given the port of. */
	@FunctionalInterface
	public interface Failover {

		boolean doneFrom(int killedPort);

	}

	private final LongAdder rounds = new LongAdder();

	private final LongAdder unavailable = new LongAdder();

	private final LongAdder revokedAccepted = new LongAdder();

	private final LongAdder acceptedUnknown = new LongAdder();

	private final LongAdder otherRefusals = new LongAdder();

	private final AtomicLong lastRefusalMillis = new AtomicLong();

	/** Tokens issued before the kill and never revoked: checked for loss after the failover. */
	private final Queue<String> issuedBeforeKill = new ConcurrentLinkedQueue<>();

	private volatile long killMillis;

	private volatile long roundsBeforeKill;

	private volatile long redisRecoveredMillis;

	private int lost;

	private int checkedForLoss;

	private FailoverLoad() {
	}

	/** Runs the load and the kill; returns once service has been back for three seconds. */
	public static FailoverLoad run(Round round, Kill kill, Failover failover) throws Exception {
		FailoverLoad load = new FailoverLoad();
		ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				workers.add(threads.submit(() -> {
					while (!load.done()) {
						round.run(load, thread);
					}
					return null;
				}));
			}
			Thread.sleep(3_000);
			load.roundsBeforeKill = load.rounds.sum();
			load.killMillis = System.currentTimeMillis();
			int killed = kill.run();
			Future<?> watch = threads.submit(() -> {
				load.watchFailover(failover, killed);
				return null;
			});
			for (Future<?> worker : workers) {
				worker.get();
			}
			watch.get();
		}
		finally {
			threads.shutdownNow();
		}
		return load;
	}

	private boolean done() {
		long killed = this.killMillis;
		if (killed == 0) {
			return false;
		}
		long now = System.currentTimeMillis();
		return now - Math.max(this.lastRefusalMillis.get(), killed) > QUIET_MILLIS || now - killed > 70_000;
	}

	/** Polls Redis every 100 ms until it has failed over, while the load runs. */
	private void watchFailover(Failover failover, int killedPort) throws InterruptedException {
		while (!done()) {
			if (failover.doneFrom(killedPort)) {
				this.redisRecoveredMillis = System.currentTimeMillis();
				return;
			}
			Thread.sleep(100);
		}
	}

	/** A token was issued; one issued before the kill is checked for loss at the end. */
	public void issued(String token) {
		if (this.killMillis == 0) {
			this.issuedBeforeKill.add(token);
		}
	}

	/** A round ran to its end. */
	public void roundDone() {
		this.rounds.increment();
	}

	/** A request was refused as unavailable: counted, and the thread backs off 10 ms, as {@code Retry-After} asks. */
	public void unavailable() {
		this.unavailable.increment();
		this.lastRefusalMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A request was refused otherwise than as unavailable or unauthenticated (a 429, a 500). */
	public void otherRefusal() {
		this.otherRefusals.increment();
	}

	/** A revoked token was accepted: must never happen. */
	public void revokedAccepted() {
		this.revokedAccepted.increment();
	}

	/** A token was accepted that the store no longer had: must never happen. */
	public void acceptedUnknown() {
		this.acceptedUnknown.increment();
	}

	/**
	 * Checks the tokens issued before the kill: one unknown now was lost with the old primary; one the store cannot be
	 * asked about yet is not counted either way.
	 */
	public void countLost(Predicate<String> unknown) {
		for (String token : this.issuedBeforeKill) {
			try {
				this.lost += unknown.test(token) ? 1 : 0;
				this.checkedForLoss++;
			}
			catch (StoreUnavailableException ex) {
				// still failing over
			}
		}
	}

	private long recoveryMillis() {
		return Math.max(0, this.lastRefusalMillis.get() - this.killMillis);
	}

	private long redisRecoveryMillis() {
		return (this.redisRecoveredMillis == 0) ? -1 : this.redisRecoveredMillis - this.killMillis;
	}

	/** Prints the figures. */
	public void print(String setUp) {
		System.out.printf("Redis %s failover under load: %d rounds (%d in the 3 s before the kill), %d refused as "
				+ "unavailable, %d other refusals, Redis failed over %d ms after the kill, service back %d ms after the "
				+ "kill, %d revoked tokens accepted, %d accepted that the store did not have, %d of %d tokens issued "
				+ "before the kill lost%n", setUp, this.rounds.sum(), this.roundsBeforeKill, this.unavailable.sum(),
				this.otherRefusals.sum(), redisRecoveryMillis(), recoveryMillis(), this.revokedAccepted.sum(),
				this.acceptedUnknown.sum(), this.lost, this.checkedForLoss);
	}

	/** Checks what must hold. */
	public void assertSafe() {
		assertThat(this.revokedAccepted.sum()).as("revoked tokens accepted").isZero();
		assertThat(this.acceptedUnknown.sum()).as("tokens accepted that the store does not have").isZero();
		assertThat(this.roundsBeforeKill).as("rounds before the kill").isPositive();
		assertThat(this.rounds.sum()).as("rounds after the failover").isGreaterThan(this.roundsBeforeKill);
		assertThat(redisRecoveryMillis()).as("time until Redis had failed over").isNotNegative();
		assertThat(recoveryMillis()).as("time until service was back")
			.isLessThanOrEqualTo(redisRecoveryMillis() + CLIENT_RECOVERY_MILLIS);
	}

}
