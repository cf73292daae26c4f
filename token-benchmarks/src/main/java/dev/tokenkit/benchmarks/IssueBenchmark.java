package dev.tokenkit.benchmarks;

import java.time.Duration;

import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.account.ApiKeys;
import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.core.account.InMemoryAccountRepository;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issuing a token from a {@code {bcrypt}} password of strength 10 (the account lookup, the password check, the token
 * and its record) beside {@link BCryptPasswordEncoder#matches} alone: issuing should cost the hash and nothing more.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IssueBenchmark extends BenchmarkSettings {

	private static final String PASSWORD = "correct horse battery staple";

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);

	private String hash;

	private PasswordAuthenticator authenticator;

	private OpaqueTokenService service;

	private final TokenPolicy policy = TokenPolicy.ofIdle(Duration.ofMinutes(30));

	/** Stores the account with its bcrypt hash. */
	@Setup(Level.Trial)
	public void setUp() {
		this.hash = this.bcrypt.encode(PASSWORD);
		InMemoryAccountRepository accounts = new InMemoryAccountRepository();
		accounts.save(new StoredAccount(Fixtures.account(), "{bcrypt}" + this.hash, ApiKeys.hash("bench-api-key")));
		this.authenticator = new PasswordAuthenticator(accounts);
		this.service = OpaqueTokenService.builder(new InMemoryTokenStore()).build();
	}

	/**
	 * The floor: bcrypt's check alone.
	 *
	 * @return whether the password matched
	 */
	@Benchmark
	public boolean bcryptMatches() {
		return this.bcrypt.matches(PASSWORD, this.hash);
	}

	/**
	 * tokenkit: credentials in, token out.
	 *
	 * @return the token
	 */
	@Benchmark
	public IssuedToken issueFromPassword() {
		return this.service.issue(this.authenticator.authenticate(new Credentials("alice", PASSWORD, null)),
				this.policy);
	}

}
