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
	void coreFlowsThenNoPasswordApiKeyTokenOrHashLogged() {
		MutableClock clock = MutableClock.start();
		InMemoryAccountRepository accounts = new InMemoryAccountRepository();
		accounts.save(TestAccounts.storedAlice());
		accounts.save(new StoredAccount(new Account("acct-odd", "odd-login", null, Set.of(), true, null), "not-a-hash", null));
		PasswordAuthenticator authenticator = new PasswordAuthenticator(accounts);
		OpaqueTokenService service = OpaqueTokenService.builder(new InMemoryTokenStore(clock)).clock(clock).listener((e) -> {
			throw new IllegalStateException("listener failure " + e);
		}).build();

		IssuedToken token = service.issue(authenticator.authenticate(
				new Credentials("alice", TestAccounts.ALICE_PASSWORD, TestAccounts.ALICE_API_KEY)), TokenPolicy.ofIdle(Duration.ofMinutes(30)));
		service.authenticate(token.value());
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> authenticator.authenticate(Credentials.of(TestAccounts.ALICE_PASSWORD, "typed-into-login")));
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> authenticator.authenticate(Credentials.of("odd-login", "odd-password")));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> service.authenticate(token.value().substring(1)));
		service.revoke(token.value());
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> service.authenticate(token.value()));

		List<String> lines = this.appender.list.stream().map(LogSecrecyTests::fullText).toList();
		assertThat(lines).isNotEmpty();
		assertThat(lines).noneMatch((line) -> line.contains(TestAccounts.ALICE_PASSWORD)
				|| line.contains(TestAccounts.ALICE_API_KEY) || line.contains("typed-into-login")
				|| line.contains("odd-password") || line.contains(token.value())
				|| line.contains(token.value().substring(1)) || line.contains(TokenHash.of(token.value()).toHex()));
	}

	private static String fullText(ILoggingEvent event) {
		StringBuilder text = new StringBuilder(event.getFormattedMessage());
		for (var cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
			text.append(' ').append(cause.getMessage());
		}
		return text.toString();
	}

}
