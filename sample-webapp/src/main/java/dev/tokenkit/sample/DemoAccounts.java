package dev.tokenkit.sample;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.ApiKeys;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.core.jdbc.JdbcAccountRepository;

/**
 * The sample's demo accounts, created in the accounts database when missing, chosen so that the examples of both API
 * documents work exactly as printed: {@code me} / {@code my_password} (DSI), {@code John_Doe@hotmail.com} /
 * {@code somepassword} / api key {@code YOUR_API_KEY} (GlobalGiving), {@code shorty} / {@code shorty_password},
 * whose own token timeout is one minute, and {@code admin} / {@code admin_password}, who may read Actuator's
 * endpoints. Not created with the Spring profile {@code production}
 * ({@code --spring.profiles.active=production}), which a sample on a shared database should use once it has accounts
 * of its own.
 *
 * @since 0.1.0
 */
@Component
@Profile("!production")
public class DemoAccounts {

	/** The api keys of the demo accounts that have one, by username: published, so the account page may show them. */
	public static final Map<String, String> API_KEYS = Map.of("me", "ME_API_KEY", "john", "YOUR_API_KEY");

	/** The short-timeout account's idle timeout. */
	public static final Duration SHORTY_TIMEOUT = Duration.ofMinutes(1);

	/**
	 * Adds each demo account whose id, username, email address and api key are all free; accounts already there,
	 * perhaps with changed timeouts, are left as they are, so that nodes sharing one database can start in any order.
	 *
	 * @param accounts where to save them
	 */
	public DemoAccounts(JdbcAccountRepository accounts) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		saveIfMissing(accounts, new Account("1", "me", "me@example.com", Set.of("ROLE_USER"), true, null), encoder,
				"my_password", API_KEYS.get("me"));
		saveIfMissing(accounts, new Account("2", "john", "John_Doe@hotmail.com", Set.of("ROLE_USER", "ROLE_DONOR"),
				true, null), encoder, "somepassword", API_KEYS.get("john"));
		saveIfMissing(accounts, new Account("3", "shorty", "shorty@example.com", Set.of("ROLE_USER"), true,
				TokenPolicy.ofIdle(SHORTY_TIMEOUT)), encoder, "shorty_password", null);
		saveIfMissing(accounts, new Account("4", "admin", "admin@example.com", Set.of("ROLE_USER", "ROLE_ADMIN"), true,
				null), encoder, "admin_password", null);
	}

	private static void saveIfMissing(JdbcAccountRepository accounts, Account account, PasswordEncoder encoder,
			String password, @Nullable String apiKey) {
		if (accounts.findByLogin(account.username()).isPresent()) {
			return;
		}
		StoredAccount demo = new StoredAccount(account, encoder.encode(password),
				(apiKey != null) ? ApiKeys.hash(apiKey) : null);
		try {
			accounts.insertIfAbsent(demo);
		}
		catch (IllegalStateException ex) {
			if (accounts.findByLogin(account.username()).isEmpty()) {
				throw ex;
			}
			// another node inserted it at the same moment
		}
	}

}
