package dev.tokenkit.benchmarks;

import java.security.SecureRandom;
import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.jdbc.JdbcSchema;
import dev.tokenkit.core.jdbc.JdbcTokenStore;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.jwt.JwtKey;
import dev.tokenkit.jwt.JwtTokenService;
import dev.tokenkit.redis.RedisTokenStore;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one token check costs on each store: {@link TokenService#authenticate} of one valid token, opaque or JWT
 * (whose revocation check reads the same store), in memory, in embedded H2, in PostgreSQL and in Redis on this
 * machine's loopback. The in-memory opaque figure is the baseline of the others. PostgreSQL and Redis are found at
 * {@code -Dtokenkit.bench.postgres} (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}) and
 * {@code -Dtokenkit.bench.redis} (default {@code redis://127.0.0.1:6379}).
 */
@State(Scope.Benchmark)
public class StoreValidationBenchmark extends BenchmarkSettings {

	/** The store. */
	@Param({ "memory", "h2", "postgresql", "redis" })
	public String store;

	/** The kind of token. */
	@Param({ "opaque", "jwt" })
	public String tokens;

	private @Nullable HikariDataSource dataSource;

	private @Nullable RedisTokenStore redis;

	private TokenService service;

	private String token;

	/** Opens the store and issues the token every call checks, with an hour of idle time. */
	@Setup(Level.Trial)
	public void setUp() {
		TokenStore tokenStore = switch (this.store) {
			case "memory" -> new InMemoryTokenStore();
			case "h2" -> JdbcTokenStore.builder(database("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1")).build();
			case "postgresql" -> JdbcTokenStore.builder(database(System.getProperty("tokenkit.bench.postgres",
					"jdbc:postgresql://127.0.0.1:5432/test?user=postgres"))).build();
			case "redis" -> this.redis = RedisTokenStore.builder(System.getProperty("tokenkit.bench.redis",
					"redis://127.0.0.1:6379")).keyPrefix("tokenkit-bench:").build();
			default -> throw new IllegalArgumentException(this.store);
		};
		this.service = this.tokens.equals("jwt") ? JwtTokenService.builder(tokenStore)
			.key(JwtKey.hs256("bench", secret()))
			.build() : OpaqueTokenService.builder(tokenStore).build();
		this.token = this.service.issue(Fixtures.account(), TokenPolicy.ofIdle(Duration.ofHours(1))).value();
	}

	/** Revokes the token and closes the store. */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.service.revoke(this.token);
		if (this.dataSource != null) {
			this.dataSource.close();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

	/**
	 * One check of a valid token.
	 *
	 * @return the token's principal
	 */
	@Benchmark
	public TokenPrincipal authenticate() {
		return this.service.authenticate(this.token);
	}

	private HikariDataSource database(String url) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setMaximumPoolSize(4);
		HikariDataSource pool = new HikariDataSource(config);
		JdbcSchema.createIfMissing(pool);
		this.dataSource = pool;
		return pool;
	}

	private static byte[] secret() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return secret;
	}

}
