package dev.tokenkit.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.InMemoryAccountRepository;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.jwt.JwtKey;
import dev.tokenkit.jwt.JwtTokenService;
import dev.tokenkit.servlet.IntrospectionEndpoint;
import dev.tokenkit.servlet.JwkSetEndpoint;

/**
 * What another service pays per request to trust tokenkit's tokens, each beside a baseline of the same run, all on one
 * embedded Jetty on 127.0.0.1 and one keep-alive {@link HttpClient}: token introspection over HTTP (an opaque token,
 * a client with a {@code {bcrypt}} strength-10 secret, remembered after its first check) beside a bare HTTP round trip
 * to the same server and beside tokenkit's own in-process check; and a stock resource server's JWT check (Spring
 * Security's {@link NimbusJwtDecoder} over the JWK Set endpoint, RS256, {@code at+jwt} accepted, as Spring Boot builds
 * it from {@code jwk-set-uri}) beside tokenkit's own check of the same token.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OtherServicesBenchmark extends BenchmarkSettings {

	private LoadServers.Started server;

	private HttpClient http;

	private HttpRequest hello;

	private HttpRequest introspect;

	private OpaqueTokenService opaque;

	private String opaqueToken;

	private JwtTokenService jwt;

	private String jwtToken;

	private NimbusJwtDecoder resourceServer;

	/**
	 * Starts the server with the JWK Set and introspection endpoints, issues the tokens and builds the clients.
	 *
	 * @throws Exception if the server does not start or the keys cannot be made
	 */
	@Setup(Level.Trial)
	public void setUp() throws Exception {
		TokenPolicy hour = TokenPolicy.ofIdle(Duration.ofHours(1));
		this.opaque = OpaqueTokenService.builder(new InMemoryTokenStore()).build();
		this.opaqueToken = this.opaque.issue(Fixtures.account(), hour).value();
		this.jwt = JwtTokenService.builder(new InMemoryTokenStore()).key(JwtKey.rs256("rsa", rsaKeys())).build();
		this.jwtToken = this.jwt.issue(Fixtures.account(), hour).value();
		InMemoryAccountRepository clients = new InMemoryAccountRepository();
		clients.save(new StoredAccount(new Account("rs", "rs", null, Set.of(), true, null),
				"{bcrypt}" + new BCryptPasswordEncoder(10).encode("rs-secret"), null));
		this.server = LoadServers.withEndpoints(List.of(new JwkSetEndpoint(this.jwt.jwkSet().json()),
				new IntrospectionEndpoint(this.opaque, new PasswordAuthenticator(clients))));
		String base = "http://127.0.0.1:" + this.server.port();
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.hello = HttpRequest.newBuilder(URI.create(base + "/hello")).build();
		this.introspect = HttpRequest.newBuilder(URI.create(base + IntrospectionEndpoint.DEFAULT_PATH))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("rs:rs-secret".getBytes(
					StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("token=" + this.opaqueToken))
			.build();
		this.resourceServer = NimbusJwtDecoder.withJwkSetUri(base + JwkSetEndpoint.DEFAULT_PATH).build();
		this.resourceServer.setJwtValidator(JwtValidators.createDefaultWithValidators(
				List.of(new JwtTypeValidator("at+jwt"))));
		if (!introspection().contains("\"active\":true") || !resourceServerJwt().getSubject().equals("42")) {
			throw new IllegalStateException("The endpoints do not answer as they should");
		}
	}

	private static KeyPair rsaKeys() throws NoSuchAlgorithmException {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		return rsa.generateKeyPair();
	}

	/**
	 * Stops the server.
	 *
	 * @throws Exception if it does not stop
	 */
	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		this.server.stop();
	}

	/**
	 * Baseline: a bare HTTP round trip to the same server, a few bytes of text back.
	 *
	 * @return the body
	 * @throws IOException if the exchange fails
	 * @throws InterruptedException if interrupted
	 */
	@Benchmark
	public String httpRoundTrip() throws IOException, InterruptedException {
		return this.http.send(this.hello, HttpResponse.BodyHandlers.ofString()).body();
	}

	/**
	 * A resource server's check of an opaque token by introspection over HTTP.
	 *
	 * @return the answer
	 * @throws IOException if the exchange fails
	 * @throws InterruptedException if interrupted
	 */
	@Benchmark
	public String introspection() throws IOException, InterruptedException {
		return this.http.send(this.introspect, HttpResponse.BodyHandlers.ofString()).body();
	}

	/**
	 * Baseline: tokenkit's own check of the same opaque token, in process, as its filter makes it.
	 *
	 * @return the principal
	 */
	@Benchmark
	public TokenPrincipal tokenkitOpaqueCheck() {
		return this.opaque.authenticate(this.opaqueToken);
	}

	/**
	 * A stock resource server's check of an RS256 JWT: Spring Security's decoder with the JWK Set fetched and cached.
	 *
	 * @return the JWT
	 */
	@Benchmark
	public Jwt resourceServerJwt() {
		return this.resourceServer.decode(this.jwtToken);
	}

	/**
	 * Baseline: tokenkit's own check of the same JWT on the issuing service (seen before, so from its cache).
	 *
	 * @return the principal
	 */
	@Benchmark
	public TokenPrincipal tokenkitJwtCheck() {
		return this.jwt.authenticate(this.jwtToken);
	}

}
