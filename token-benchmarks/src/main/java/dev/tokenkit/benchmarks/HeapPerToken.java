package dev.tokenkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;

/**
 * Heap per live opaque token in the in-memory store: issues a million tokens and divides the growth of the used heap,
 * measured after full collections, by the number of tokens; once with a thousand tokens per account (principals
 * shared) and once with two (each pair of tokens carries its own principal: id, name, authorities). The token texts are dropped as they are issued: a store keeps only hashes.
 * Run with {@code java -cp token-benchmarks/target/benchmarks.jar dev.tokenkit.benchmarks.HeapPerToken [count]}.
 */
public final class HeapPerToken {

	private HeapPerToken() {
	}

	/**
	 * Prints the heap used per token.
	 *
	 * @param args optionally the number of tokens (default 1,000,000)
	 * @throws InterruptedException if interrupted between collections
	 */
	public static void main(String[] args) throws InterruptedException {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		measure(count, 1000);
		measure(count, 2);
	}

	/** Issues {@code count} tokens, {@code tokensPerAccount} per account, and prints the heap each costs. */
	private static void measure(int count, int tokensPerAccount) throws InterruptedException {
		InMemoryTokenStore store = new InMemoryTokenStore();
		OpaqueTokenService service = OpaqueTokenService.builder(store).build();
		TokenPolicy policy = TokenPolicy.ofIdle(Duration.ofHours(1));
		long before = usedHeapAfterGc();
		Account account = null;
		for (int i = 0; i < count; i++) {
			if (i % tokensPerAccount == 0) {
				// fresh strings, as accounts read from a database would be
				int id = i / tokensPerAccount;
				account = new Account("account-" + id, "user-" + id, null, Set.of("ROLE_USER", "ROLE_DONOR"), true,
						null);
			}
			service.issue(account, policy);
		}
		long after = usedHeapAfterGc();
		System.out.printf(Locale.ROOT, "heap per live opaque token, %,d tokens, %,d per account: %.1f bytes%n",
				count, tokensPerAccount, (double) (after - before) / count);
		if (store.findByAccount("account-0").size() != Math.min(tokensPerAccount, count)) {
			throw new IllegalStateException("The store lost tokens");
		}
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 4; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
