package dev.tokenkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;

/**
 * Heap per live opaque token in the in-memory store: issues a million tokens (for a thousand accounts, so that the
 * principals are realistic rather than one shared object) and divides the growth of the used heap, measured after full
 * collections, by the number of tokens. The token texts are dropped as they are issued: a store keeps only hashes.
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
		Account[] accounts = new Account[1000];
		for (int i = 0; i < accounts.length; i++) {
			accounts[i] = new Account("account-" + i, "user-" + i, null, Fixtures.account().authorities(), true, null);
		}
		InMemoryTokenStore store = new InMemoryTokenStore();
		OpaqueTokenService service = OpaqueTokenService.builder(store).build();
		TokenPolicy policy = TokenPolicy.ofIdle(Duration.ofHours(1));
		service.issue(accounts[0], policy);
		long before = usedHeapAfterGc();
		for (int i = 0; i < count; i++) {
			service.issue(accounts[i % accounts.length], policy);
		}
		long after = usedHeapAfterGc();
		System.out.printf("heap per live opaque token: %.1f bytes (%,d tokens, %,d bytes)%n",
				(double) (after - before) / count, count, after - before);
		System.out.println(store.findByAccount("account-0").size() > 0 ? "" : "store lost its tokens");
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
