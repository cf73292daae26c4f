package dev.tokenkit.benchmarks;

import java.security.SecureRandom;
import java.time.Duration;

import javax.crypto.spec.SecretKeySpec;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.jwt.JacksonJwtJson;
import dev.tokenkit.jwt.JwtKey;
import dev.tokenkit.jwt.JwtTokenService;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * HS256 JWT checks: tokenkit's {@code authenticate} at first sight (a token its verified-token cache has not seen:
 * the full verification plus the two revocation reads) beside jjwt's parse and verify alone and beside Spring
 * Security's {@link NimbusJwtDecoder#decode}; and of a token seen before, beside an opaque check. First-sight
 * benchmarks walk through 200,000 distinct tokens with a fresh service each iteration, so iterations must stay short
 * (one second, about 100,000 checks); a walk that reaches the end starts again with a fresh service, so every check
 * stays a first sight. A fresh service per iteration needs a long warm-up.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 12, time = 1)
@Measurement(iterations = 8, time = 1)
public class JwtBenchmark extends BenchmarkSettings {

	private static final int TOKENS = 200_000;

	private final String[] tokens = new String[TOKENS];

	private int next;

	private JwtKey key;

	private InMemoryTokenStore revocations;

	private JwtTokenService firstSight;

	private JwtTokenService seenBefore;

	private String seenToken;

	private JwtParser jjwt;

	private NimbusJwtDecoder nimbus;

	private OpaqueTokenService opaque;

	private String opaqueToken;

	/** Issues the tokens (an hour each) and builds the verifiers. */
	@Setup(Level.Trial)
	public void setUp() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = JwtKey.hs256("bench", secret);
		this.revocations = new InMemoryTokenStore();
		JwtTokenService issuer = JwtTokenService.builder(this.revocations).key(this.key).build();
		TokenPolicy hour = TokenPolicy.ofIdle(Duration.ofHours(1));
		for (int i = 0; i < TOKENS; i++) {
			this.tokens[i] = issuer.issue(Fixtures.account(), hour).value();
		}
		this.seenBefore = JwtTokenService.builder(this.revocations).key(this.key).build();
		this.seenToken = this.tokens[0];
		this.seenBefore.authenticate(this.seenToken);
		this.jjwt = Jwts.parser().json(JacksonJwtJson.deserializer())
			.verifyWith(new SecretKeySpec(secret, "HmacSHA256"))
			.build();
		this.nimbus = Fixtures.springDecoder(secret);
		this.opaque = OpaqueTokenService.builder(new InMemoryTokenStore()).build();
		this.opaqueToken = this.opaque.issue(Fixtures.account(), hour).value();
	}

	/** A service with an empty verified-token cache, and the walk back at the first token. */
	@Setup(Level.Iteration)
	public void freshCache() {
		this.firstSight = JwtTokenService.builder(this.revocations).key(this.key).build();
		this.next = 0;
	}

	private String nextToken() {
		String token = this.tokens[this.next];
		this.next++;
		if (this.next == TOKENS) {
			// Walked through every token: start again with an empty cache, so that every check stays a first sight.
			freshCache();
		}
		return token;
	}

	/**
	 * jjwt alone: parse and verify, the floor under a first-sight check.
	 *
	 * @return the claims
	 */
	@Benchmark
	public Claims jjwtParseVerify() {
		return this.jjwt.parseSignedClaims(nextToken()).getPayload();
	}

	/**
	 * tokenkit, a token not seen before.
	 *
	 * @return the principal
	 */
	@Benchmark
	public TokenPrincipal jwtFirstSight() {
		return this.firstSight.authenticate(nextToken());
	}

	/**
	 * Spring Security's decoder, as {@code oauth2ResourceServer().jwt()} uses it.
	 *
	 * @return the decoded token
	 */
	@Benchmark
	public Jwt nimbusDecode() {
		return this.nimbus.decode(nextToken());
	}

	/**
	 * tokenkit, a token seen before: its hash, a cache read and the two revocation reads.
	 *
	 * @return the principal
	 */
	@Benchmark
	public TokenPrincipal jwtSeenBefore() {
		return this.seenBefore.authenticate(this.seenToken);
	}

	/**
	 * An opaque check in the in-memory store, the baseline for a token seen before.
	 *
	 * @return the principal
	 */
	@Benchmark
	public TokenPrincipal opaqueAuthenticate() {
		return this.opaque.authenticate(this.opaqueToken);
	}

}
