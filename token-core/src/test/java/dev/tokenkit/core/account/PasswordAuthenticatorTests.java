package dev.tokenkit.core.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tokenkit.core.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PasswordAuthenticatorTests {

	private final InMemoryAccountRepository accounts = new InMemoryAccountRepository();

	private final CountingPasswordEncoder encoder = new CountingPasswordEncoder(
			PasswordEncoderFactories.createDelegatingPasswordEncoder());

	private PasswordAuthenticator authenticator;

	@BeforeEach
	void setUp() {
		this.accounts.save(TestAccounts.storedAlice());
		this.accounts.save(TestAccounts.storedBob());
		this.accounts.save(TestAccounts.storedDave());
		this.authenticator = new PasswordAuthenticator(this.accounts, this.encoder);
	}

	@Test
	void authenticateWhenUsernameAndPasswordMatchThenAccount() {
		assertThat(this.authenticator.authenticate(Credentials.of("alice", TestAccounts.ALICE_PASSWORD)))
			.isEqualTo(TestAccounts.alice());
	}

	@Test
	void authenticateWhenEmailInOtherCaseThenAccount() {
		assertThat(this.authenticator.authenticate(Credentials.of("ALICE@example.test", TestAccounts.ALICE_PASSWORD)).id())
			.isEqualTo("acct-alice");
	}

	@Test
	void authenticateWhenPasswordHasColonsThenAccount() {
		assertThat(this.authenticator.authenticate(Credentials.of("bob", TestAccounts.BOB_PASSWORD)).id())
			.isEqualTo("acct-bob");
	}

	@Test
	void authenticateWhenApiKeyMatchesThenAccount() {
		Credentials credentials = new Credentials("alice@example.test", TestAccounts.ALICE_PASSWORD,
				TestAccounts.ALICE_API_KEY);
		assertThat(this.authenticator.authenticate(credentials).id()).isEqualTo("acct-alice");
	}

	@Test
	void authenticateWhenAnyPartWrongThenSameFailureAndOneHashVerification() {
		List<Credentials> wrong = List.of(Credentials.of("alice", "wrong"), Credentials.of("nobody", "wrong"),
				Credentials.of("", ""), Credentials.of("dave", TestAccounts.DAVE_PASSWORD), Credentials.of("dave", "wrong"),
				new Credentials("alice", TestAccounts.ALICE_PASSWORD, "wrong-key"),
				new Credentials("bob", TestAccounts.BOB_PASSWORD, TestAccounts.ALICE_API_KEY));
		List<String> messages = new ArrayList<>();
		for (Credentials credentials : wrong) {
			int before = this.encoder.matches.get();
			assertThatExceptionOfType(InvalidCredentialsException.class)
				.isThrownBy(() -> this.authenticator.authenticate(credentials))
				.satisfies((ex) -> messages.add(ex.getMessage()));
			assertThat(this.encoder.matches.get() - before).as("hash checks for %s", credentials).isEqualTo(1);
		}
		assertThat(messages).containsOnly(InvalidCredentialsException.MESSAGE);
	}

	@Test
	void authenticateWhenUnknownLoginThenVerifiesDummyHashOfCurrentEncoder() {
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> this.authenticator.authenticate(Credentials.of("nobody", "guess")));
		assertThat(this.encoder.lastHash).startsWith("{bcrypt}$2a$10$");
	}

	@Test
	void authenticateWhenUnknownLoginThenTakesAboutAsLongAsWrongPassword() {
		Credentials unknown = Credentials.of("nobody", "guess");
		Credentials wrongPassword = Credentials.of("carol", "guess");
		this.accounts.save(new StoredAccount(new Account("acct-carol", "carol", null, Set.of(), true, null),
				this.encoder.encode("carols-password"), null));
		long[] unknownNanos = new long[15];
		long[] wrongNanos = new long[15];
		for (int i = 0; i < 15; i++) {
			unknownNanos[i] = timeFailure(unknown);
			wrongNanos[i] = timeFailure(wrongPassword);
		}
		Arrays.sort(unknownNanos);
		Arrays.sort(wrongNanos);
		assertThat((double) unknownNanos[7] / wrongNanos[7]).isBetween(0.5, 2.0);
	}

	@Test
	void authenticateWhenHashIsArgon2OrPbkdf2ThenChecked() {
		Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		Pbkdf2PasswordEncoder pbkdf2 = Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		this.accounts.save(new StoredAccount(new Account("acct-argon", "argon", null, Set.of(), true, null),
				"{argon2}" + argon2.encode("argon-pass"), null));
		this.accounts.save(new StoredAccount(new Account("acct-pbkdf", "pbkdf", null, Set.of(), true, null),
				"{pbkdf2@SpringSecurity_v5_8}" + pbkdf2.encode("pbkdf-pass"), null));
		assertThat(this.authenticator.authenticate(Credentials.of("argon", "argon-pass")).id()).isEqualTo("acct-argon");
		assertThat(this.authenticator.authenticate(Credentials.of("pbkdf", "pbkdf-pass")).id()).isEqualTo("acct-pbkdf");
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> this.authenticator.authenticate(Credentials.of("argon", "pbkdf-pass")));
	}

	@Test
	void authenticateWhenStoredHashHasUnknownFormatThenRefused() {
		this.accounts.save(new StoredAccount(new Account("acct-odd", "odd", null, Set.of(), true, null), "plain", null));
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> this.authenticator.authenticate(Credentials.of("odd", "plain")));
	}

	@Test
	void authenticateWhenPasswordEmptyThenRefusedEvenIfStoredHashIsOfEmptyPassword() {
		this.accounts.save(new StoredAccount(new Account("acct-empty", "empty", null, Set.of(), true, null),
				"{noop}", null));
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> this.authenticator.authenticate(Credentials.of("empty", "")));
	}

	@Test
	void authenticateWhenPasswordOver72BytesSharesPrefixThenRefused() {
		String longPassword = "P".repeat(72) + "-correct";
		this.accounts.save(new StoredAccount(new Account("acct-long", "long", null, Set.of(), true, null),
				"{noop}" + longPassword, null));
		this.accounts.save(new StoredAccount(new Account("acct-bcrypt-long", "bcryptlong", null, Set.of(), true, null),
				TestAccounts.bcrypt("P".repeat(72)), null));
		assertThat(this.authenticator.authenticate(Credentials.of("long", longPassword)).id()).isEqualTo("acct-long");
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> this.authenticator.authenticate(Credentials.of("bcryptlong", "P".repeat(72) + "-anything")));
	}

	@Test
	void authenticateWhenPasswordLongerThanMaximumThenRefusedWithoutHashing() {
		int before = this.encoder.matches.get();
		String huge = "x".repeat(PasswordAuthenticator.MAX_PASSWORD_LENGTH + 1);
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> this.authenticator.authenticate(Credentials.of("alice", huge)));
		assertThat(this.encoder.matches.get()).isEqualTo(before);
	}

	private long timeFailure(Credentials credentials) {
		long start = System.nanoTime();
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> this.authenticator.authenticate(credentials));
		return System.nanoTime() - start;
	}

	/** Counts hash verifications and remembers the last hash checked. */
	private static final class CountingPasswordEncoder implements PasswordEncoder {

		private final PasswordEncoder delegate;

		private final AtomicInteger matches = new AtomicInteger();

		private volatile String lastHash;

		CountingPasswordEncoder(PasswordEncoder delegate) {
			this.delegate = delegate;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			return this.delegate.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.matches.incrementAndGet();
			this.lastHash = encodedPassword;
			return this.delegate.matches(rawPassword, encodedPassword);
		}

	}

}
