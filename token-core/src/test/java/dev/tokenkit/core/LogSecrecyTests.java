package dev.tokenkit.core;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.core.account.InMemoryAccountRepository;
import dev.tokenkit.core.account.InvalidCredentialsException;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Runs every core flow with all logging on and greps the captured lines for secrets. */
class LogSecrecyTests {

	private final Logger tokenkitLogger = (Logger) LoggerFactory.getLogger("dev.tokenkit");

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level previousLevel;

	@BeforeEach
	void captureLogs() {
		this.previousLevel = this.tokenkitLogger.getLevel();
		this.tokenkitLogger.setLevel(Level.TRACE);
		this.appender.start();
		this.tokenkitLogger.addAppender(this.appender);
	}

	@AfterEach
	void releaseLogs() {
		this.tokenkitLogger.detachAppender(this.appender);
		this.tokenkitLogger.setLevel(this.previousLevel);
	}

	@Test
	void coreFlowsWhenAllLoggingOnThenNoPieceOfAnySecretLogged() {
		MutableClock clock = MutableClock.start();
		InMemoryAccountRepository accounts = new InMemoryAccountRepository();
		accounts.save(TestAccounts.storedAlice());
		accounts.save(new StoredAccount(new Account("acct-odd", "odd-login", null, Set.of(), true, null), "not-a-hash", null));
		PasswordAuthenticator authenticator = new PasswordAuthenticator(accounts);
		OpaqueTokenService service = OpaqueTokenService.builder(new InMemoryTokenStore(clock)).clock(clock).listener((e) -> {
			throw new IllegalStateException("listener failure " + e);
		}).build();

		Account alice = authenticator
			.authenticate(new Credentials("alice", TestAccounts.ALICE_PASSWORD, TestAccounts.ALICE_API_KEY));
		IssuedToken token = service.issue(alice, TokenPolicy.ofIdle(Duration.ofMinutes(30)));
		service.authenticate(token.value());
		assertThatExceptionOfType(InvalidCredentialsException.class).isThrownBy(
				() -> authenticator.authenticate(Credentials.of(TestAccounts.ALICE_PASSWORD, "Tq9!typed-in")));
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> authenticator.authenticate(Credentials.of("odd-login", "Xq7#vW2!odd")));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> service.authenticate(token.value().substring(1)));
		service.revoke(token.value());
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> service.authenticate(token.value()));

		List<String> lines = this.appender.list.stream().map(LogSecrecyTests::fullText).toList();
		assertThat(lines).hasSizeGreaterThan(3);
		List<String> secrets = List.of(TestAccounts.ALICE_PASSWORD, TestAccounts.ALICE_API_KEY, "Tq9!typed-in",
				"Xq7#vW2!odd", token.value(), TokenHash.of(token.value()).toHex());
		for (String secret : secrets) {
			for (int start = 0; start + 6 <= secret.length(); start++) {
				String piece = secret.substring(start, start + 6);
				assertThat(lines).as("log lines holding %s", piece).noneMatch((line) -> line.contains(piece));
			}
		}
	}

	private static String fullText(ILoggingEvent event) {
		StringBuilder text = new StringBuilder(event.getFormattedMessage());
		for (var cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
			text.append(' ').append(cause.getMessage());
		}
		return text.toString();
	}

}
