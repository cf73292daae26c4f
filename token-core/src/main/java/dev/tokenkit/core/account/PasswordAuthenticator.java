package dev.tokenkit.core.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The core {@link Authenticator}: looks the login up in an {@link AccountRepository} and checks the password with a
 * {@link PasswordEncoder}, then the api key when the credentials carry one, then that the account is enabled.
 *
 * <p>Design note: every attempt costs exactly one password-hash verification. An unknown login is verified against a
 * dummy hash made at construction with the same encoder, so its cost matches a wrong password's and the response time
 * does not tell which logins exist (OWASP ASVS 6.3.8; Spring Security's {@code DaoAuthenticationProvider} does the
 * same). A disabled account and a wrong api key are refused only after the password check, for the same reason.
 *
 * <p>An empty password never authenticates, whatever the stored hash. A password longer than
 * {@link #MAX_PASSWORD_LENGTH} characters is refused before any hashing, so that a huge password cannot buy a long
 * hash computation; its length says nothing about the account, so skipping the hash leaks nothing. Bcrypt hashes
 * only the first 72 bytes of a password, and Spring Security's {@code BCryptPasswordEncoder.matches} still answers
 * {@code true} for a longer password that shares those bytes (the CVE-2025-22228 class of bug), so a password over 72
 * UTF-8 bytes never matches a bcrypt hash here; the hash is still computed, to keep the work constant.
 *
 * @since 0.1.0
 */
public final class PasswordAuthenticator implements Authenticator {

	/** The longest password checked: 1024 characters. */
	public static final int MAX_PASSWORD_LENGTH = 1024;

	private static final int BCRYPT_MAX_BYTES = 72;

	private static final Logger logger = LoggerFactory.getLogger(PasswordAuthenticator.class);

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final String dummyHash;

	/**
	 * Creates an authenticator with Spring Security's delegating password encoder, which reads {@code {bcrypt}},
	 * {@code {argon2}}, {@code {pbkdf2}} and the other standard hash ids and encodes new passwords with bcrypt.
	 *
	 * @param accounts where the accounts are kept
	 */
	public PasswordAuthenticator(AccountRepository accounts) {
		this(accounts, PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	/**
	 * Creates an authenticator with the given password encoder.
	 *
	 * @param accounts where the accounts are kept
	 * @param passwordEncoder checks passwords against stored hashes
	 */
	public PasswordAuthenticator(AccountRepository accounts, PasswordEncoder passwordEncoder) {
		this.accounts = Objects.requireNonNull(accounts, "accounts cannot be null");
		this.passwordEncoder = Objects.requireNonNull(passwordEncoder, "passwordEncoder cannot be null");
		this.dummyHash = passwordEncoder.encode(randomPassword());
	}

	@Override
	public Account authenticate(Credentials credentials) {
		Objects.requireNonNull(credentials, "credentials cannot be null");
		if (credentials.password().length() > MAX_PASSWORD_LENGTH) {
			throw refused(credentials);
		}
		Optional<StoredAccount> found = this.accounts.findByLogin(credentials.login());
		boolean passwordMatches = passwordMatches(credentials.password(),
				found.map(StoredAccount::passwordHash).orElse(this.dummyHash));
		if (found.isEmpty() || !passwordMatches || credentials.password().isEmpty()
				|| !apiKeyMatches(found.get(), credentials) || !found.get().account().enabled()) {
			throw refused(credentials);
		}
		return found.get().account();
	}

	private static InvalidCredentialsException refused(Credentials credentials) {
		logger.debug("Refused credentials for login {}", LoginMask.mask(credentials.login()));
		return new InvalidCredentialsException();
	}

	private boolean passwordMatches(String password, String hash) {
		try {
			return this.passwordEncoder.matches(password, hash) && !exceedsBcryptInput(password, hash);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("A stored password hash has an unknown format; treating it as a mismatch");
			return false;
		}
	}

	private static boolean exceedsBcryptInput(String password, String hash) {
		boolean bcrypt = hash.startsWith("{bcrypt}") || hash.startsWith("$2");
		return bcrypt && password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES;
	}

	private static boolean apiKeyMatches(StoredAccount account, Credentials credentials) {
		return credentials.apiKey() == null || account.hasApiKey(credentials.apiKey());
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
