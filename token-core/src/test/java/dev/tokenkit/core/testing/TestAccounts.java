package dev.tokenkit.core.testing;

import java.time.Duration;
import java.util.Set;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.ApiKeys;
import dev.tokenkit.core.account.StoredAccount;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Accounts for tests. Passwords are hashed with bcrypt at strength 4, so that tests stay quick; the hash format is the
 * production one.
 */
public final class TestAccounts {

	public static final String ALICE_PASSWORD = "Correct-Horse-9";

	public static final String ALICE_API_KEY = "K1-7f3c9a1e5b2d4c6a8e0f";

	public static final String BOB_PASSWORD = "bob:has:colons";

	public static final String DAVE_PASSWORD = "dave-password";

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

	private TestAccounts() {
	}

	public static Account alice() {
		return new Account("acct-alice", "alice", "alice@example.test", Set.of("ROLE_USER"), true, null);
	}

	public static Account bob() {
		return new Account("acct-bob", "bob", "Bob@Example.test", Set.of("ROLE_USER", "ROLE_ADMIN"), true,
				new TokenPolicy(Duration.ofHours(10), Duration.ofHours(24)));
	}

	public static Account dave() {
		return new Account("acct-dave", "dave", "dave@example.test", Set.of("ROLE_USER"), false, null);
	}

	public static StoredAccount storedAlice() {
		return new StoredAccount(alice(), bcrypt(ALICE_PASSWORD), ApiKeys.hash(ALICE_API_KEY));
	}

	public static StoredAccount storedBob() {
		return new StoredAccount(bob(), bcrypt(BOB_PASSWORD), null);
	}

	public static StoredAccount storedDave() {
		return new StoredAccount(dave(), bcrypt(DAVE_PASSWORD), null);
	}

	public static String bcrypt(String password) {
		return "{bcrypt}" + BCRYPT.encode(password);
	}

}
