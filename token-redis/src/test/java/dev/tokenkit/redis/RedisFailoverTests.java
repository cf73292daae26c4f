package dev.tokenkit.redis;

import java.time.Duration;
import java.util.Set;
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
import dev.tokenkit.redis.testing.FailoverLoad;
import dev.tokenkit.redis.testing.PrivateRedisCluster;
import dev.tokenkit.redis.testing.PrivateRedisSentinel;

/**
 * Failover under load ({@link FailoverLoad}), on servers the test starts itself, through two token services ("nodes",
 * each with its own store and Lettuce client) without HTTP, while the primary of a busy slot (cluster) or the Sentinel
 * primary is killed. A revoked token must never be accepted again, and no check may pass for a token the store no
 * longer has; the figures are printed for {@code docs/scaling.md}. The sample's {@code RedisFailoverTests} runs the
 * same over HTTP on two sample apps.
 */
@Execution(ExecutionMode.CONCURRENT)
class RedisFailoverTests {

	private static final TokenPolicy HOUR = TokenPolicy.ofIdle(Duration.ofHours(1));

	@Test
	void clusterWhenPrimaryOfABusySlotKilledThenNoRevokedTokenPassesAndServiceReturns() throws Exception {
		try (PrivateRedisCluster cluster = PrivateRedisCluster.start()) {
			// every save writes the accounts' indexes: acct-0's index is a busy key
			FailoverLoad load = underLoad(() -> RedisTokenStore.clusterBuilder(cluster.seedUris()).build(),
					() -> cluster.killPrimaryOf("tokenkit:account:acct-0"),
					(killed) -> cluster.servesSlotOf("tokenkit:account:acct-0"));
			load.print("cluster");
			load.assertSafe();
		}
	}

	@Test
	void sentinelWhenPrimaryKilledThenNoRevokedTokenPassesAndServiceReturns() throws Exception {
		try (PrivateRedisSentinel sentinel = PrivateRedisSentinel.start()) {
			FailoverLoad load = underLoad(() -> RedisTokenStore.builder(sentinel.uri()).build(), sentinel::killPrimary,
					sentinel::failedOverFrom);
			load.print("sentinel");
			load.assertSafe();
		}
	}

	private static FailoverLoad underLoad(Supplier<RedisTokenStore> stores, FailoverLoad.Kill kill,
			FailoverLoad.Failover failover) throws Exception {
		try (RedisTokenStore storeA = stores.get(); RedisTokenStore storeB = stores.get()) {
			TokenService nodeA = OpaqueTokenService.builder(storeA).touchInterval(Duration.ZERO).build();
			TokenService nodeB = OpaqueTokenService.builder(storeB).touchInterval(Duration.ZERO).build();
			FailoverLoad load = FailoverLoad.run((figures, thread) -> round(figures, nodeA, nodeB, storeB,
					new Account("acct-" + thread, "user-" + thread, null, Set.of("ROLE_USER"), true, null)), kill,
					failover);
			load.countLost((token) -> {
				try {
					nodeA.inspect(token);
					return false;
				}
				catch (InvalidTokenException ex) {
					return true;
				}
			});
			return load;
		}
	}

	/** Issue on one node, use on the other, revoke, and check that the revoked token is refused everywhere. */
	private static void round(FailoverLoad load, TokenService nodeA, TokenService nodeB, RedisTokenStore storeB,
			Account account) {
		try {
			IssuedToken token = nodeA.issue(account, HOUR);
			load.issued(token.value());
			nodeB.authenticate(token.value());
			if (storeB.find(TokenHash.of(token.value())) == null) {
				load.acceptedUnknown();
			}
			IssuedToken second = nodeB.issue(account, HOUR);
			if (nodeB.revoke(second.value())) {
				refusedOrCounted(load, nodeA, second.value());
				refusedOrCounted(load, nodeB, second.value());
			}
			load.roundDone();
		}
		catch (StoreUnavailableException ex) {
			load.unavailable();
		}
		catch (InvalidTokenException ex) {
			// a token lost in the failover between its issue and its use: counted by countLost
		}
	}

	private static void refusedOrCounted(FailoverLoad load, TokenService node, String revoked) {
		try {
			node.authenticate(revoked);
			load.revokedAccepted();
		}
		catch (InvalidTokenException ex) {
			// refused, as it must be
		}
	}

}
