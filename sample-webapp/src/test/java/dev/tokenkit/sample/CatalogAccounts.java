package dev.tokenkit.sample;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.ApiKeys;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.core.jdbc.JdbcAccountRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The catalog's own fixture accounts, added to a sample's accounts beside the demo ones: {@code alice} and {@code bob}
 * with their api keys ({@code K1}, {@code K2}), the disabled {@code dave}, and accounts whose passwords carry what
 * the catalog probes: colons, non-ASCII letters, 64 characters, XML's special characters and {@code ]]>}, and an
 * account whose bcrypt hash holds the first 72 bytes of an 80-character password, as older encoders truncated.
 */
final class CatalogAccounts {

	static final String ALICE_PASSWORD = "Correct-Horse-9";

	static final String K1 = "ALICE_API_KEY_K1";

	static final String K2 = "BOB_API_KEY_K2";

	static final String K17 = "XMLCHARS_API_KEY_K17";

	static final String K18 = "CDATAEND_API_KEY_K18";

	static final String BOB_PASSWORD = "Bob-Password-7";

	static final String DAVE_PASSWORD = "Dave-Password-3";

	static final String COLON_PASSWORD = "pa:ss:word-99";

	static final String UMLAUT_PASSWORD = "pässwörd-Ünï-42";

	static final String PASSWORD_80 = "P1-" + "abcdefghij".repeat(7) + "-1234567";

	static final String PASSWORD_64 = "P64-" + "0123456789".repeat(6);

	static final String XML_PASSWORD = "p<&>ss-Word-1";

	static final String CDATA_END_PASSWORD = "a]]>b-Word-12";

	/** The ids of every account a catalog run may issue tokens to: the demo accounts and these. */
	static final List<String> IDS = List.of("1", "2", "3", "10", "11", "12", "13", "14", "15", "16", "17", "18");

	/** Every password and api key of the run, which no answer and no log line may carry. */
	static final List<String> SECRETS = List.of("my_password", "somepassword", "shorty_password", "ME_API_KEY",
			"YOUR_API_KEY", ALICE_PASSWORD, K1, K2, K17, K18, BOB_PASSWORD, DAVE_PASSWORD, COLON_PASSWORD, UMLAUT_PASSWORD,
			PASSWORD_80, PASSWORD_64, XML_PASSWORD, CDATA_END_PASSWORD);

	/** The sample's own password encoder: new passwords as bcrypt at its default strength. */
	private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	/**
	 * Each password's hash, made once per test JVM and given to every sample the accounts are added to: a hash costs
	 * about 70 ms of CPU to make, and checking it costs the same whichever sample made it.
	 */
	private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

	private CatalogAccounts() {
	}

	/** Adds the accounts to the sample's repository. */
	static void addTo(JdbcAccountRepository accounts) {
		add(accounts, "10", "alice", "alice@example.test", true, ALICE_PASSWORD, K1);
		add(accounts, "11", "bob", "bob@example.test", true, BOB_PASSWORD, K2);
		add(accounts, "12", "dave", "dave@example.test", false, DAVE_PASSWORD, null);
		add(accounts, "13", "colon", "colon@example.test", true, COLON_PASSWORD, null);
		add(accounts, "14", "umlaut", "umlaut@example.test", true, UMLAUT_PASSWORD, null);
		// bcrypt refuses to hash over 72 bytes now; an older encoder hashed the first 72, and such hashes remain
		add(accounts, "15", "long80", "long80@example.test", true, PASSWORD_80.substring(0, 72), null);
		add(accounts, "16", "long64", "long64@example.test", true, PASSWORD_64, null);
		add(accounts, "17", "xmlchars", "xmlchars@example.test", true, XML_PASSWORD, K17);
		add(accounts, "18", "cdataend", "cdataend@example.test", true, CDATA_END_PASSWORD, K18);
	}

	private static void add(JdbcAccountRepository accounts, String id, String username, String email,
			boolean enabled, String password, @Nullable String apiKey) {
		Account account = new Account(id, username, email, Set.of("ROLE_USER"), enabled, null);
		accounts.insertIfAbsent(new StoredAccount(account, HASHES.computeIfAbsent(password, ENCODER::encode),
				(apiKey != null) ? ApiKeys.hash(apiKey) : null));
	}

}
