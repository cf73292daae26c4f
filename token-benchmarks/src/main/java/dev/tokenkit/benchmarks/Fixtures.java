package dev.tokenkit.benchmarks;

import java.util.Set;

import dev.tokenkit.core.account.Account;

/** What several benchmarks share. */
final class Fixtures {

	private Fixtures() {
	}

	/** A typical account: two authorities, no own policy. */
	static Account account() {
		return new Account("42", "alice", "alice@example.com", Set.of("ROLE_USER", "ROLE_DONOR"), true, null);
	}

}
