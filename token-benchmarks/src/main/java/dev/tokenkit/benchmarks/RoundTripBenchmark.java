package dev.tokenkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The floor under {@link StoreValidationBenchmark}'s PostgreSQL and Redis figures: one bare round trip on the same
 * servers and the same kind of client, {@code SELECT 1} on one JDBC connection and a Lettuce {@code PING}.
 */
public class RoundTripBenchmark extends BenchmarkSettings {

	/** One connection to PostgreSQL. */
	@State(Scope.Benchmark)
	public static class Postgres {

		private @Nullable Connection connection;

		private @Nullable PreparedStatement select;

		/**
		 * Connects.
		 *
		 * @throws SQLException if PostgreSQL cannot be reached
		 */
		@Setup(Level.Trial)
		public void connect() throws SQLException {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(System.getProperty("tokenkit.bench.postgres",
					"jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
			this.connection = dataSource.getConnection();
			this.select = this.connection.prepareStatement("SELECT 1");
		}

		/**
		 * Disconnects.
		 *
		 * @throws SQLException if closing fails
		 */
		@TearDown(Level.Trial)
		public void close() throws SQLException {
			if (this.connection != null) {
				this.connection.close();
			}
		}

	}

	/** One Lettuce connection to Redis. */
	@State(Scope.Benchmark)
	public static class Redis {

		private @Nullable RedisClient client;

		private @Nullable StatefulRedisConnection<String, String> connection;

		/** Connects. */
		@Setup(Level.Trial)
		public void connect() {
			this.client = RedisClient.create(System.getProperty("tokenkit.bench.redis", "redis://127.0.0.1:6379"));
			this.connection = this.client.connect();
		}

		/** Disconnects. */
		@TearDown(Level.Trial)
		public void close() {
			if (this.connection != null) {
				this.connection.close();
			}
			if (this.client != null) {
				this.client.shutdown();
			}
		}

	}

	/**
	 * One {@code SELECT 1}.
	 *
	 * @param postgres the connection
	 * @return its value
	 * @throws SQLException if the query fails
	 */
	@Benchmark
	public int postgresSelectOne(Postgres postgres) throws SQLException {
		try (ResultSet row = postgres.select.executeQuery()) {
			row.next();
			return row.getInt(1);
		}
	}

	/**
	 * One {@code PING}.
	 *
	 * @param redis the connection
	 * @return {@code PONG}
	 */
	@Benchmark
	public String redisPing(Redis redis) {
		return redis.connection.sync().ping();
	}

}
