package dev.tokenkit.sample;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.testing.TestDatabases;
import dev.tokenkit.redis.testing.TestRedis;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sample nodes, A and B, on two ports, configured only by settings: accounts in the local PostgreSQL, tokens in
 * the local Redis or in PostgreSQL, opaque or JWT. What one node does to a token holds on the other on the very next
 * request. Both nodes share one movable clock, as nodes share the time of day, and trust forwarded client addresses
 * from 127.0.0.1, as nodes behind one load balancer would. Mandatory in CI.
 */
@ParameterizedClass(name = "{0} store, {1} tokens")
@CsvSource({ "redis, opaque", "jdbc, opaque", "redis, jwt" })
class MultiNodeTests {

	private static String running;

	private static HikariDataSource postgres;

	private static String redisPrefix;

	private static MutableClock clock;

	private static SampleApp a;

	private static SampleApp b;

	private final boolean jwt;

	MultiNodeTests(String store, String tokens) {
		this.jwt = tokens.equals("jwt");
		if (!(store + tokens).equals(running)) {
			stop();
			postgres = TestDatabases.postgres();
			redisPrefix = store.equals("redis") ? TestRedis.prefix() : null;
			Map<String, Object> settings = Map.of("spring.profiles.active", "postgres", "spring.datasource.url",
					postgres.getJdbcUrl(), "tokenkit.store.type",
					store, "spring.data.redis.url", TestRedis.URL, "tokenkit.store.redis.key-prefix",
					Objects.requireNonNullElse(redisPrefix, "tokenkit:"), "tokenkit.token.kind", tokens,
					"tokenkit.jwt.secret", sharedSecret(), "tokenkit.jetty.trusted-proxies", "127.0.0.1/32");
			clock = MutableClock.start();
			a = new SampleApp(settings, clock);
			b = new SampleApp(settings, clock);
			running = store + tokens;
		}
	}

	@AfterAll
	static void stop() {
		for (AutoCloseable closeable : new AutoCloseable[] { a, b, postgres }) {
			if (closeable != null) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		if (redisPrefix != null) {
			TestRedis.clean(redisPrefix);
		}
		a = null;
		b = null;
		redisPrefix = null;
		postgres = null;
		running = null;
	}

	/**
	 * Resets shorty's timeout row, and moves the clock past the whole second of any earlier {@code revokeAll} (a JWT
	 * issued in that second is refused too).
	 */
	@BeforeEach
	void shortyHasTheDemoTimeout() {
		clock.advance(Duration.ofSeconds(2));
		TestDatabases.execute(postgres, "UPDATE tk_accounts SET idle_timeout_seconds = 60 WHERE username = 'shorty'");
	}

	@Test
	void tokenWhenIssuedOnAThenServesOnB() {
		String token = token(a, "me", "my_password");
		RawHttp.Response onB = whoami(b, token);
		assertThat(onB.status()).isEqualTo(200);
		assertThat(onB.body()).contains("\"username\":\"me\"");
	}

	/** The donations are in the shared database: one made through node A is listed by node B. */
	@Test
	void donationWhenMadeOnAThenListedOnB() {
		String john = token(a, "john", "somepassword");
		String target = "/api/secure/givingservice/donations?api_key=YOUR_API_KEY&api_token=" + john;
		String project = "p-clean-water";
		int before = b.http().get(target).body().split(project, -1).length;
		RawHttp.Response made = a.http().post(target, "{\"project_id\":\"" + project + "\",\"amount\":7}",
				"Content-Type: application/json");
		assertThat(made.status()).as("%s", made).isBetween(200, 201);
		RawHttp.Response listed = b.http().get(target);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body().split(project, -1).length).isEqualTo(before + 1);
	}

	@Test
	void tokenWhenRevokedOnBThenRefusedOnAAtOnce() {
		String token = token(a, "me", "my_password");
		assertThat(whoami(a, token).status()).isEqualTo(200);
		assertThat(b.http().delete("/authentication_token", "Authorization: Bearer " + token).status()).isEqualTo(204);
		assertThat(whoami(a, token).status()).isEqualTo(401);
		assertThat(whoami(b, token).status()).isEqualTo(401);
	}

	@Test
	void tokensWhenAllRevokedOnAThenRefusedOnB() {
		String fromA = token(a, "me", "my_password");
		String fromB = token(b, "me", "my_password");
		String other = token(a, "shorty", "shorty_password");
		assertThat(whoami(b, fromA).status()).isEqualTo(200);
		assertThat(whoami(b, fromB).status()).isEqualTo(200);
		clock.advance(Duration.ofSeconds(1));

		a.bean(TokenService.class).revokeAll("1");

		assertThat(whoami(b, fromA).status()).isEqualTo(401);
		assertThat(whoami(b, fromB).status()).isEqualTo(401);
		assertThat(whoami(a, fromB).status()).isEqualTo(401);
		assertThat(whoami(b, other).status()).as("another account's token").isEqualTo(200);
	}

	/**
	 * Shorty's tokens last one idle minute. Opaque tokens slide: uses on B 40 s in and on A 80 s in keep the token
	 * alive 125 s in. A JWT's expiry is fixed at issue (its idle timeout is its lifetime, plus the verifier's 30 s of
	 * clock skew), so the same uses do not extend it.
	 */
	@Test
	void tokenWhenIdlePastItsAccountsTimeoutThenRefusedOnBothNodes() {
		String token = token(a, "shorty", "shorty_password");
		clock.advance(Duration.ofSeconds(40));
		assertThat(whoami(b, token).status()).isEqualTo(200);
		clock.advance(Duration.ofSeconds(40));
		assertThat(whoami(a, token).status()).isEqualTo(200);
		clock.advance(Duration.ofSeconds(45));
		assertThat(whoami(b, token).status()).isEqualTo(this.jwt ? 401 : 200);
		clock.advance(Duration.ofSeconds(61));
		assertThat(whoami(a, token).status()).isEqualTo(401);
		assertThat(whoami(b, token).status()).isEqualTo(401);
	}

	/** The GlobalGiving document keeps each user's timeout in the database: a changed row applies to new tokens. */
	@Test
	void timeoutWhenAccountsRowChangesThenNewTokensOnEveryNodeFollowIt() {
		String before = token(a, "shorty", "shorty_password");
		TestDatabases.execute(postgres, "UPDATE tk_accounts SET idle_timeout_seconds = 300 WHERE username = 'shorty'");
		String fromA = token(a, "shorty", "shorty_password");
		String fromB = token(b, "shorty", "shorty_password");

		clock.advance(Duration.ofSeconds(120));

		assertThat(whoami(a, before).status()).as("issued under the old one-minute row").isEqualTo(401);
		assertThat(whoami(b, before).status()).isEqualTo(401);
		assertThat(whoami(b, fromA).status()).as("issued on A under the five-minute row").isEqualTo(200);
		assertThat(whoami(a, fromB).status()).as("issued on B under the five-minute row").isEqualTo(200);
		clock.advance(Duration.ofSeconds(301));
		assertThat(whoami(a, fromA).status()).isEqualTo(401);
		assertThat(whoami(b, fromB).status()).isEqualTo(401);
	}

	/**
	 * One login throttle for both nodes (the sample's 10 failures per login in 15 minutes): an attacker who alternates
	 * nodes has 10 attempts evaluated in all, then {@code 429} on both, the right password included; meanwhile another
	 * client signs in to its own account on either node, and once the window ends the attacked account serves again.
	 */
	@Test
	void throttleWhenAnAttackerAlternatesNodesThenTheLimitHoldsForBothTogether() {
		String attacker = "X-Forwarded-For: 198.51.100.7";
		SampleApp[] nodes = { a, b };
		int evaluated = 0;
		for (int i = 0; i < 14; i++) {
			int status = nodes[i % 2].http().get("/authentication_token?username=me&password=wrong-" + i, attacker)
				.status();
			assertThat(status).as("attempt %d", i + 1).isIn(401, 429);
			evaluated += (status == 401) ? 1 : 0;
		}
		assertThat(evaluated).isEqualTo(10);
		for (SampleApp node : nodes) {
			assertThat(node.http().get("/authentication_token?username=me&password=my_password", attacker).status())
				.isEqualTo(429);
			assertThat(node.http()
				.get("/authentication_token?username=john&password=somepassword", "X-Forwarded-For: 198.51.100.8")
				.status()).as("another client, another account").isEqualTo(200);
		}
		clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(whoami(b, token(a, "me", "my_password")).status()).isEqualTo(200);
	}

	private static String token(SampleApp node, String user, String password) {
		return TokenAnswers.token(node.http().get("/authentication_token", "Authorization: user " + user + ":"
				+ password), TokenAnswers.DSI_JSON, "application/json");
	}

	private static RawHttp.Response whoami(SampleApp node, String token) {
		return node.http().get("/secure/whoami", "Authorization: Bearer " + token);
	}

	private static String sharedSecret() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return Base64.getEncoder().encodeToString(secret);
	}

}
