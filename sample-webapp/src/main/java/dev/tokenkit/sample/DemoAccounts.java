package dev.tokenkit.sample;

import java.time.Duration;
import java.util.Set;

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
 * The demo accounts of the sample's default (embedded) configuration, chosen so that the examples of both API
 * documents work exactly as printed: {@code me} / {@code my_password} (DSI), {@code John_Doe@hotmail.com} /
 * {@code somepassword} / api key {@code YOUR_API_KEY} (GlobalGiving), and {@code shorty} / {@code shorty_password},
 * whose own token timeout is one minute. Not loaded with the Spring profile {@code production}
 * ({@code -Dspring.profiles.active=production}).
 *
 * @since 0.1.0
 */
@Component
@Profile("!production")
public class DemoAccounts {

	/** The short-timeout account's idle timeout. */
	public static final Duration SHORTY_TIMEOUT = Duration.ofMinutes(1);

	/**
	 * Saves the demo accounts.
	 *
	 * @param accounts where to save them
	 */
	public DemoAccounts(JdbcAccountRepository accounts) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		accounts.save(new StoredAccount(new Account("1", "me", "me@example.com", Set.of("ROLE_USER"), true, null),
				encoder.encode("my_password"), ApiKeys.hash("ME_API_KEY")));
		accounts.save(new StoredAccount(new Account("2", "john", "John_Doe@hotmail.com",
				Set.of("ROLE_USER", "ROLE_DONOR"), true, null), encoder.encode("somepassword"),
				ApiKeys.hash("YOUR_API_KEY")));
		accounts.save(new StoredAccount(new Account("3", "shorty", "shorty@example.com", Set.of("ROLE_USER"), true,
				TokenPolicy.ofIdle(SHORTY_TIMEOUT)), encoder.encode("shorty_password"), null));
	}

}
