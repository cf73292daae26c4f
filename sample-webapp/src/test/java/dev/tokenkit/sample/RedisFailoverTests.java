package dev.tokenkit.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.redis.testing.PrivateRedisCluster;
import dev.tokenkit.redis.testing.PrivateRedisSentinel;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover under load on two sample nodes over HTTP, each configured only by {@code spring.data.redis.*} for a Redis
 * Cluster (three primaries, three replicas) or a Sentinel set-up (a primary, a replica, three sentinels) that the test
 * starts on its own ports: 16 client threads sign in on node A, use the token on node B, sign in on B, revoke that
 * token on B and try it on both nodes, while the primary of a busy slot (the demo account's index) or the Sentinel
 * primary is killed. No revoked token may pass and no request may pass with a token the store no longer has; the test
 * counts the requests answered {@code 503}, the time until service is back, and the tokens lost. The figures are
 * printed for {@code docs/scaling.md}. Mandatory in CI.
 */
class RedisFailoverTests {

	private static final int THREADS = 16;

	/** How long the load must run without a refusal, after the kill, for service to count as back. */
	private static final long QUIET_MILLIS = 3_000;

	/** The demo accounts the threads sign in as, by turns: login and password. */
	private static final String[][] ACCOUNTS = { { "me", "my_password" }, { "john", "somepassword" } };

	@Test
	void clusterWhenPrimaryOfABusySlotKilledThenNoRevokedTokenPassesAndServiceReturns() throws Exception {
		try (PrivateRedisCluster cluster = PrivateRedisCluster.start()) {
			Figures figures = underLoad(Map.of("spring.data.redis.cluster.nodes", cluster.nodes(),
					"spring.data.redis.lettuce.cluster.refresh.period", "1s",
					"spring.data.redis.lettuce.cluster.refresh.adaptive", "true"),
					() -> cluster.killPrimaryOf("tokenkit:account:1"));
			figures.print("cluster");
			figures.assertSafe();
		}
	}

	@Test
	void sentinelWhenPrimaryKilledThenNoRevokedTokenPassesAndServiceReturns() throws Exception {
		try (PrivateRedisSentinel sentinel = PrivateRedisSentinel.start()) {
			Figures figures = underLoad(Map.of("spring.data.redis.sentinel.nodes", sentinel.sentinelNodes(),
					"spring.data.redis.sentinel.master", PrivateRedisSentinel.PRIMARY_NAME), sentinel::killPrimary);
			figures.print("sentinel");
			figures.assertSafe();
		}
	}

	/** The kill of a primary; it returns once the kill is done, not once the failover is. */
	@FunctionalInterface
	private interface Kill {

		void run() throws InterruptedException;

	}

	/** Runs the load, kills the primary after three seconds, and runs on until three seconds after the last 503. */
	private static Figures underLoad(Map<String, Object> redis, Kill kill) throws Exception {
		Map<String, Object> settings = new HashMap<>(redis);
		settings.put("tokenkit.store.type", "redis");
		MutableClock clock = MutableClock.start();
		Figures figures = new Figures();
		try (SampleApp a = new SampleApp(settings, clock); SampleApp b = new SampleApp(settings, clock)) {
			ExecutorService threads = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				String[] account = ACCOUNTS[t % ACCOUNTS.length];
				workers.add(threads.submit(() -> {
					while (!figures.done()) {
						figures.round(a, b, account);
					}
					return null;
				}));
			}
			Thread.sleep(3_000);
			figures.killed();
			kill.run();
			for (Future<?> worker : workers) {
				worker.get();
			}
			threads.shutdown();
			figures.countLost(a.bean(TokenService.class));
		}
		return figures;
	}

	/** What the load saw. */
	private static final class Figures {

		final LongAdder rounds = new LongAdder();

		final LongAdder unavailable = new LongAdder();

		final LongAdder revokedAccepted = new LongAdder();

		final LongAdder acceptedUnknown = new LongAdder();

		final LongAdder otherRefusals = new LongAdder();

		final AtomicLong lastRefusalMillis = new AtomicLong();

		volatile long killMillis;

		volatile long roundsBeforeKill;

		/** Tokens issued before the kill and never revoked: checked for loss after the failover. */
		final Queue<String> issuedBeforeKill = new ConcurrentLinkedQueue<>();

		int lost;

		int checkedForLoss;

		void killed() {
			this.roundsBeforeKill = this.rounds.sum();
			this.killMillis = System.currentTimeMillis();
		}

		/** Stops three seconds after the last 503, once the kill is past; at most 40 seconds after it. */
		boolean done() {
			long killed = this.killMillis;
			if (killed == 0) {
				return false;
			}
			long now = System.currentTimeMillis();
			return now - Math.max(this.lastRefusalMillis.get(), killed) > QUIET_MILLIS || now - killed > 40_000;
		}

		/** Sign in on A, use on B, sign in on B, revoke on B, and try the revoked token on both nodes. */
		void round(SampleApp a, SampleApp b, String[] account) {
			boolean beforeKill = this.killMillis == 0;
			String token = token(a, account);
			if (token == null) {
				return;
			}
			if (beforeKill) {
				this.issuedBeforeKill.add(token);
			}
			int used = whoami(b, token).status();
			if (used != 200) {
				refused(used);
				return;
			}
			if (unknown(a, token)) {
				this.acceptedUnknown.increment();
			}
			String second = token(b, account);
			if (second == null) {
				return;
			}
			int revoked = b.http().delete("/authentication_token", "Authorization: Bearer " + second).status();
			if (revoked == 204) {
				for (SampleApp node : new SampleApp[] { a, b }) {
					int status = whoami(node, second).status();
					if (status == 200) {
						this.revokedAccepted.increment();
					}
					refused(status);
				}
				this.rounds.increment();
			}
			else {
				refused(revoked);
			}
		}

		/** A token issued by the node, or {@code null} when it refused. */
		private String token(SampleApp node, String[] account) {
			RawHttp.Response answer = node.http().get("/authentication_token",
					"Authorization: user " + account[0] + ":" + account[1]);
			if (answer.status() != 200) {
				refused(answer.status());
				return null;
			}
			return TokenAnswers.token(answer, TokenAnswers.DSI_JSON, "application/json");
		}

		/** Counts a 503 (and backs off 10 ms, as a client told {@code Retry-After} would) or another refusal. */
		private void refused(int status) {
			if (status == 503) {
				this.unavailable.increment();
				this.lastRefusalMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
				pause();
			}
			else if (status >= 400 && status != 401) {
				this.otherRefusals.increment();
			}
		}

		private static void pause() {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/** Whether the store no longer has the token, right after a node accepted it. */
		private static boolean unknown(SampleApp node, String token) {
			try {
				return node.bean(TokenStore.class).find(TokenHash.of(token)) == null;
			}
			catch (StoreUnavailableException ex) {
				return false;
			}
		}

		/** Checks the tokens issued before the kill: a token unknown now was lost with the old primary. */
		void countLost(TokenService node) {
			for (String token : this.issuedBeforeKill) {
				try {
					node.inspect(token);
					this.checkedForLoss++;
				}
				catch (InvalidTokenException ex) {
					this.checkedForLoss++;
					this.lost++;
				}
				catch (StoreUnavailableException ex) {
					// still failing over: not counted either way
				}
			}
		}

		long recoveryMillis() {
			return Math.max(0, this.lastRefusalMillis.get() - this.killMillis);
		}

		void print(String setUp) {
			System.out.printf("Redis %s failover under load on two sample nodes: %d rounds (%d in the 3 s before the "
					+ "kill), %d answered 503, %d other refusals, service back %d ms after the kill, %d revoked tokens "
					+ "accepted, %d requests passed with tokens the store did not have, %d of %d tokens issued before "
					+ "the kill lost%n", setUp, this.rounds.sum(), this.roundsBeforeKill, this.unavailable.sum(),
					this.otherRefusals.sum(), recoveryMillis(), this.revokedAccepted.sum(), this.acceptedUnknown.sum(),
					this.lost, this.checkedForLoss);
		}

		void assertSafe() {
			assertThat(this.revokedAccepted.sum()).as("revoked tokens accepted").isZero();
			assertThat(this.acceptedUnknown.sum()).as("requests passed with tokens the store does not have").isZero();
			assertThat(this.roundsBeforeKill).as("rounds before the kill").isPositive();
			assertThat(this.rounds.sum()).as("rounds after the failover").isGreaterThan(this.roundsBeforeKill);
			assertThat(recoveryMillis()).as("time until service was back").isLessThan(30_000);
		}

		private static RawHttp.Response whoami(SampleApp node, String token) {
			return node.http().get("/secure/whoami", "Authorization: Bearer " + token);
		}

	}

}
