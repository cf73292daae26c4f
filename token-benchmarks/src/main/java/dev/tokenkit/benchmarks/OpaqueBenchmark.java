package dev.tokenkit.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

/**
 * One opaque token check in the in-memory store, beside its floor and beside what a Spring user would otherwise pay
 * per request: the floor is the SHA-256 of the same token plus a {@link ConcurrentHashMap#get}; Spring Session's
 * {@link MapSessionRepository} pays a find, a touch and a save per request.
 */
@State(Scope.Benchmark)
public class OpaqueBenchmark extends BenchmarkSettings {

	private OpaqueTokenService service;

	private String token;

	private final Map<ByteBuffer, TokenPrincipal> floorMap = new ConcurrentHashMap<>();

	private final MessageDigest sha256 = sha256();

	private MapSessionRepository sessions;

	private String sessionId;

	/** Issues the token (an hour of idle time), fills the floor's map, and saves one session. */
	@Setup(Level.Trial)
	public void setUp() {
		this.service = OpaqueTokenService.builder(new InMemoryTokenStore()).build();
		this.token = this.service.issue(Fixtures.account(), TokenPolicy.ofIdle(Duration.ofHours(1))).value();
		this.floorMap.put(ByteBuffer.wrap(this.sha256.digest(this.token.getBytes(StandardCharsets.US_ASCII))),
				new TokenPrincipal("42", "alice", Fixtures.account().authorities()));
		this.sessions = new MapSessionRepository(new ConcurrentHashMap<>());
		MapSession session = this.sessions.createSession();
		session.setAttribute("user", "alice");
		this.sessions.save(session);
		this.sessionId = session.getId();
	}

	/**
	 * The floor: SHA-256 of the token and a map lookup.
	 *
	 * @return the principal
	 */
	@Benchmark
	public TokenPrincipal floorSha256AndMapGet() {
		return this.floorMap.get(ByteBuffer.wrap(this.sha256.digest(this.token.getBytes(StandardCharsets.US_ASCII))));
	}

	/**
	 * tokenkit: one check of an opaque token in the in-memory store.
	 *
	 * @return the principal
	 */
	@Benchmark
	public TokenPrincipal opaqueAuthenticate() {
		return this.service.authenticate(this.token);
	}

	/**
	 * Spring Session's in-memory repository: what its filter does per request.
	 *
	 * @return the session
	 */
	@Benchmark
	public MapSession springSessionFindTouchSave() {
		MapSession session = this.sessions.findById(this.sessionId);
		session.setLastAccessedTime(Instant.now());
		this.sessions.save(session);
		return session;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
