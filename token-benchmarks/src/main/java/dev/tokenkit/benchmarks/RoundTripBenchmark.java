package dev.tokenkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The floor under {@link StoreValidationBenchmark}'s PostgreSQL and Redis figures: one bare round trip on the same
 * servers and the same kind of client, {@code SELECT 1} on one JDBC connection and a Lettuce {@code PING}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoundTripBenchmark {

	private @Nullable Connection postgres;

	private @Nullable PreparedStatement select;

	private @Nullable RedisClient client;

	private @Nullable StatefulRedisConnection<String, String> redis;

	/**
	 * Connects to both servers.
	 *
	 * @throws SQLException if PostgreSQL cannot be reached
	 */
	@Setup(Level.Trial)
	public void connect() throws SQLException {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(System.getProperty("tokenkit.bench.postgres",
				"jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
		this.postgres = dataSource.getConnection();
		this.select = this.postgres.prepareStatement("SELECT 1");
		this.client = RedisClient.create(System.getProperty("tokenkit.bench.redis", "redis://127.0.0.1:6379"));
		this.redis = this.client.connect();
	}

	/**
	 * Closes both connections.
	 *
	 * @throws SQLException if closing fails
	 */
	@TearDown(Level.Trial)
	public void close() throws SQLException {
		if (this.postgres != null) {
			this.postgres.close();
		}
		if (this.redis != null) {
			this.redis.close();
		}
		if (this.client != null) {
			this.client.shutdown();
		}
	}

	/**
	 * One {@code SELECT 1}.
	 *
	 * @return its value
	 * @throws SQLException if the query fails
	 */
	@Benchmark
	public int postgresSelectOne() throws SQLException {
		try (ResultSet row = this.select.executeQuery()) {
			row.next();
			return row.getInt(1);
		}
	}

	/**
	 * One {@code PING}.
	 *
	 * @return {@code PONG}
	 */
	@Benchmark
	public String redisPing() {
		return this.redis.sync().ping();
	}

}
