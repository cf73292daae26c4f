package dev.tokenkit.sample;

import java.util.HashMap;
import java.util.Map;

import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.redis.testing.FailoverLoad;
import dev.tokenkit.redis.testing.PrivateRedisCluster;
import dev.tokenkit.redis.testing.PrivateRedisSentinel;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Failover under load ({@link FailoverLoad}) on two sample nodes over HTTP, each configured only by
 * {@code spring.data.redis.cluster.nodes} for a Redis Cluster (three primaries, three replicas) or
 * {@code spring.data.redis.sentinel.*} for a Sentinel set-up (a primary, a replica, three sentinels) that the test
 * starts on its own ports: no topology refresh is configured, so the store's own refresh after a failed command is
 * what finds the new primary. 16 client threads sign in on node A, use the token
 * on node B, sign in on B, revoke that token on B and try it on both nodes, while the primary of a busy slot (the demo
 * account's index) or the Sentinel primary is killed. No revoked token may pass and no request may pass with a token
 * the store no longer has; the figures are printed for {@code docs/scaling.md}. Mandatory in CI.
 */
class RedisFailoverTests {

	/** The demo accounts the threads sign in as, by turns: login and password. */
	private static final String[][] ACCOUNTS = { { "me", "my_password" }, { "john", "somepassword" } };

	@Test
	void clusterWhenPrimaryOfABusySlotKilledThenNoRevokedTokenPassesAndServiceReturns() throws Exception {
		try (PrivateRedisCluster cluster = PrivateRedisCluster.start()) {
			FailoverLoad load = underLoad(Map.of("spring.data.redis.cluster.nodes", cluster.nodes()),
					() -> cluster.killPrimaryOf("tokenkit:account:1"),
					(killed) -> cluster.servesSlotOf("tokenkit:account:1"));
			load.print("cluster, two sample nodes,");
			load.assertSafe();
		}
	}

	@Test
	void sentinelWhenPrimaryKilledThenNoRevokedTokenPassesAndServiceReturns() throws Exception {
		try (PrivateRedisSentinel sentinel = PrivateRedisSentinel.start()) {
			FailoverLoad load = underLoad(Map.of("spring.data.redis.sentinel.nodes", sentinel.sentinelNodes(),
					"spring.data.redis.sentinel.master", PrivateRedisSentinel.PRIMARY_NAME), sentinel::killPrimary,
					sentinel::failedOverFrom);
			load.print("sentinel, two sample nodes,");
			load.assertSafe();
		}
	}

	private static FailoverLoad underLoad(Map<String, Object> redis, FailoverLoad.Kill kill,
			FailoverLoad.Failover failover) throws Exception {
		Map<String, Object> settings = new HashMap<>(redis);
		settings.put("tokenkit.store.type", "redis");
		MutableClock clock = MutableClock.start();
		try (SampleApp a = new SampleApp(settings, clock); SampleApp b = new SampleApp(settings, clock)) {
			FailoverLoad load = FailoverLoad.run(
					(figures, thread) -> round(figures, a, b, ACCOUNTS[thread % ACCOUNTS.length]), kill, failover);
			TokenService tokens = a.bean(TokenService.class);
			load.countLost((token) -> {
				try {
					tokens.inspect(token);
					return false;
				}
				catch (InvalidTokenException ex) {
					return true;
				}
			});
			return load;
		}
	}

	/** Sign in on A, use on B, sign in on B, revoke on B, and try the revoked token on both nodes. */
	private static void round(FailoverLoad load, SampleApp a, SampleApp b, String[] account) {
		String token = token(load, a, account);
		if (token == null) {
			return;
		}
		load.issued(token);
		int used = whoami(b, token);
		if (used != 200) {
			refused(load, used);
			return;
		}
		if (unknown(a, token)) {
			load.acceptedUnknown();
		}
		String second = token(load, b, account);
		if (second == null) {
			return;
		}
		int revoked = b.http().delete("/authentication_token", "Authorization: Bearer " + second).status();
		if (revoked != 204) {
			refused(load, revoked);
			return;
		}
		for (SampleApp node : new SampleApp[] { a, b }) {
			int status = whoami(node, second);
			if (status == 200) {
				load.revokedAccepted();
			}
			refused(load, status);
		}
		load.roundDone();
	}

	/** A token the node issued, or {@code null} when it refused. */
	private static @Nullable String token(FailoverLoad load, SampleApp node, String[] account) {
		RawHttp.Response answer = node.http()
			.get("/authentication_token", "Authorization: user " + account[0] + ":" + account[1]);
		if (answer.status() != 200) {
			refused(load, answer.status());
			return null;
		}
		return TokenAnswers.token(answer, TokenAnswers.DSI_JSON, "application/json");
	}

	/** Counts a 503, or another refusal than a 401 (a token lost in the failover, counted by countLost). */
	private static void refused(FailoverLoad load, int status) {
		if (status == 503) {
			load.unavailable();
		}
		else if (status >= 400 && status != 401) {
			load.otherRefusal();
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

	private static int whoami(SampleApp node, String token) {
		return node.http().get("/secure/whoami", "Authorization: Bearer " + token).status();
	}

}
