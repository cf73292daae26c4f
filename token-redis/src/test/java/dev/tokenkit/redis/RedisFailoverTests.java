package dev.tokenkit.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.redis.testing.PrivateRedisCluster;
import dev.tokenkit.redis.testing.PrivateRedisSentinel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover under load, on servers the test starts itself: 16 threads issue, use and revoke tokens through two token
 * services ("nodes", each with its own store and Lettuce client) while the primary of a busy slot (cluster) or the
 * Sentinel primary is killed. A revoked token must never be accepted again, and no check may pass for a token the store
 * no longer has; the test counts the checks refused with 503, the time until service is back, and the tokens lost (a
 * token whose save the old primary acknowledged but had not yet replicated when it died). The figures are printed for
 * {@code docs/scaling.md}.
 */
@Execution(ExecutionMode.CONCURRENT)
class RedisFailoverTests {

	private static final TokenPolicy HOUR = TokenPolicy.ofIdle(Duration.ofHours(1));

	private static final int THREADS = 16;

	/** How long the load must run without a refusal, after the kill, for service to count as back. */
	private static final long QUIET_MILLIS = 3_000;

	@Test
	void clusterWhenPrimaryOfABusySlotKilledThenNoRevokedTokenPassesAndServiceReturns() throws Exception {
		try (PrivateRedisCluster cluster = PrivateRedisCluster.start()) {
			Figures figures = underLoad(() -> RedisTokenStore.clusterBuilder(cluster.seedUris()).build(), () -> {
				try {
					// every save writes the accounts' indexes: acct-0's index is a busy key
					cluster.killPrimaryOf("tokenkit:account:acct-0");
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			figures.print("cluster");
			figures.assertSafe();
		}
	}

	@Test
	void sentinelWhenPrimaryKilledThenNoRevokedTokenPassesAndServiceReturns() throws Exception {
		try (PrivateRedisSentinel sentinel = PrivateRedisSentinel.start()) {
			Figures figures = underLoad(() -> RedisTokenStore.builder(sentinel.uri()).build(), () -> {
				try {
					sentinel.killPrimary();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			figures.print("sentinel");
			figures.assertSafe();
		}
	}

	/** Runs the load, kills the primary after three seconds, and runs on until three seconds after the last refusal. */
	private static Figures underLoad(Supplier<RedisTokenStore> stores, Runnable kill) throws Exception {
		Figures figures = new Figures();
		try (RedisTokenStore storeA = stores.get(); RedisTokenStore storeB = stores.get()) {
			TokenService nodeA = OpaqueTokenService.builder(storeA).touchInterval(Duration.ZERO).build();
			TokenService nodeB = OpaqueTokenService.builder(storeB).touchInterval(Duration.ZERO).build();
			AtomicReference<Instant> killedAt = new AtomicReference<>();
			ExecutorService threads = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				Account account = new Account("acct-" + t, "user-" + t, null, Set.of("ROLE_USER"), true,
						null);
				workers.add(threads.submit(() -> {
					while (!figures.done(killedAt.get())) {
						figures.round(nodeA, nodeB, storeB, account, killedAt.get() != null);
					}
					return null;
				}));
			}
			Thread.sleep(3_000);
			figures.roundsBeforeKill = figures.rounds.sum();
			killedAt.set(Instant.now());
			figures.killed(killedAt.get());
			kill.run();
			for (Future<?> worker : workers) {
				worker.get();
			}
			threads.shutdown();
			figures.countLost(nodeA);
		}
		return figures;
	}

	/** What the load saw. */
	private static final class Figures {

		final LongAdder rounds = new LongAdder();

		final LongAdder unavailable = new LongAdder();

		final LongAdder revokedAccepted = new LongAdder();

		final LongAdder acceptedUnknown = new LongAdder();

		final AtomicLong lastRefusalMillis = new AtomicLong();

		final AtomicLong killMillis = new AtomicLong();

		/** Tokens saved before the kill that were never revoked: checked for loss after the failover. */
		final Queue<String> savedBeforeKill = new ConcurrentLinkedQueue<>();

		int lost;

		long roundsBeforeKill;

		int checkedForLoss;

		void killed(Instant at) {
			this.killMillis.set(at.toEpochMilli());
		}

		/** Stops three seconds after the last refusal, once the kill is past; at most 40 seconds after it. */
		boolean done(Instant killedAt) {
			if (killedAt == null) {
				return false;
			}
			long now = System.currentTimeMillis();
			long quietSince = Math.max(this.lastRefusalMillis.get(), killedAt.toEpochMilli());
			return now - quietSince > QUIET_MILLIS || now - killedAt.toEpochMilli() > 40_000;
		}

		/** Issue on one node, use on the other, revoke, and check that the revoked token is refused everywhere. */
		void round(TokenService nodeA, TokenService nodeB, RedisTokenStore storeB, Account account, boolean afterKill) {
			try {
				IssuedToken token = nodeA.issue(account, HOUR);
				if (!afterKill) {
					this.savedBeforeKill.add(token.value());
				}
				nodeB.authenticate(token.value());
				if (storeB.find(TokenHash.of(token.value())) == null) {
					this.acceptedUnknown.increment();
				}
				IssuedToken second = nodeB.issue(account, HOUR);
				if (nodeB.revoke(second.value())) {
					accepted(nodeA, second.value());
					accepted(nodeB, second.value());
				}
				this.rounds.increment();
			}
			catch (StoreUnavailableException ex) {
				this.unavailable.increment();
				this.lastRefusalMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
				backOff();
			}
			catch (InvalidTokenException ex) {
				// a token lost in the failover between its issue and its use: counted by countLost
			}
		}

		/** A client answered 503 tries again a little later, as Retry-After asks, rather than at once. */
		private static void backOff() {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private void accepted(TokenService node, String revoked) {
			try {
				node.authenticate(revoked);
				this.revokedAccepted.increment();
			}
			catch (InvalidTokenException ex) {
				// refused, as it must be
			}
		}

		/** Checks the tokens saved before the kill: a token unknown now was lost with the old primary. */
		void countLost(TokenService node) {
			for (String token : this.savedBeforeKill) {
				this.checkedForLoss++;
				try {
					node.inspect(token);
				}
				catch (InvalidTokenException ex) {
					this.lost++;
				}
				catch (StoreUnavailableException ex) {
					// still failing over: not counted either way
					this.checkedForLoss--;
				}
			}
		}

		long recoveryMillis() {
			return Math.max(0, this.lastRefusalMillis.get() - this.killMillis.get());
		}

		void print(String setUp) {
			System.out.printf("Redis %s failover under load: %d rounds (%d in the 3 s before the kill), %d refused with "
					+ "503, service back %d ms after the kill, %d revoked tokens accepted, %d checks passed for unknown "
					+ "tokens, %d of %d tokens saved before the kill lost%n", setUp, this.rounds.sum(),
					this.roundsBeforeKill, this.unavailable.sum(), recoveryMillis(), this.revokedAccepted.sum(),
					this.acceptedUnknown.sum(), this.lost, this.checkedForLoss);
		}

		void assertSafe() {
			assertThat(this.revokedAccepted.sum()).as("revoked tokens accepted").isZero();
			assertThat(this.acceptedUnknown.sum()).as("checks passed for tokens the store does not have").isZero();
			assertThat(this.roundsBeforeKill).as("rounds before the kill").isPositive();
			assertThat(this.rounds.sum()).as("rounds after the failover").isGreaterThan(this.roundsBeforeKill);
			assertThat(recoveryMillis()).as("time until service was back").isLessThan(30_000);
		}

	}

}
