package dev.tokenkit.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.tokenkit.boot.TokenKitConfigurationException;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.DsiEndpoint;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Catalog sections 9 (what a JWT carries, a weak secret), 10 (token quality, storage, expiry) and 15 (races, clock
 * steps, many logins at once) against the sample; the figures go to the {@link SecurityReport}.
 */
@ResourceLock(SampleApp.DEFAULT_DATABASE)
class TokenLifecycleCatalogTests {

	private static final int SAMPLED_TOKENS = 100_000;

	@Test
	void opaqueTokensWhenSampledThenUniqueWithFullEntropy() {
		try (SampleApp app = new SampleApp()) {
			TokenService tokens = app.bean(TokenService.class);
			Account me = new Account("1", "me", "me@example.com", Set.of("ROLE_USER"), true, null);
			Set<String> seen = new HashSet<>();
			Set<Integer> lengths = new HashSet<>();
			int[][] counts = new int[43][64];
			String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
			for (int i = 0; i < SAMPLED_TOKENS; i++) {
				String token = tokens.issue(me, DsiEndpoint.DEFAULT_POLICY).value();
				seen.add(token);
				lengths.add(token.length());
				for (int position = 0; position < 43; position++) {
					counts[position][alphabet.indexOf(token.charAt(3 + position))]++;
				}
			}
			double bits = 0;
			for (int position = 0; position < 43; position++) {
				for (int count : counts[position]) {
					double p = (double) count / SAMPLED_TOKENS;
					bits -= (p > 0) ? p * Math.log(p) / Math.log(2) : 0;
				}
			}

			SecurityReport.area("O").ran(1, 0)
				.mustBeZero("O-01 duplicates among " + SAMPLED_TOKENS + " tokens the sample's service issued",
						SAMPLED_TOKENS - seen.size())
				.figure("O-01 token lengths; entropy of the random part, estimated as the sum of each position's "
						+ "Shannon entropy (an upper bound; the codec draws 256 bits from SecureRandom)",
						lengths + "; " + String.format("%.1f bits", bits));
			assertThat(seen).hasSize(SAMPLED_TOKENS);
			assertThat(lengths).containsExactly(52);
			assertThat(bits).isGreaterThan(250);
		}
	}

	@Test
	void jdbcStoreWhenDumpedThenNoTokenInPlainText() throws SQLException {
		try (SampleApp app = new SampleApp(Map.of("spring.datasource.url", "jdbc:h2:mem:dump;DB_CLOSE_DELAY=-1",
				"tokenkit.store.type", "jdbc"), MutableClock.start())) {
			TokenService tokens = app.bean(TokenService.class);
			Account me = new Account("1", "me", "me@example.com", Set.of("ROLE_USER"), true, null);
			List<String> issued = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				issued.add(tokens.issue(me, DsiEndpoint.DEFAULT_POLICY).value());
			}
			int plaintextInStore = plaintextTokensIn(app.bean(DataSource.class), issued);

			SecurityReport.area("O").ran(1, 0).mustBeZero("O-02 cells of a JDBC store dump holding one of the "
					+ issued.size() + " tokens issued", plaintextInStore);
			assertThat(plaintextInStore).isZero();
		}
	}

	/** Every cell of every row of the token table, compared with every token issued. */
	private static int plaintextTokensIn(DataSource dataSource, List<String> tokens) throws SQLException {
		int found = 0;
		int rows = 0;
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet all = statement.executeQuery("SELECT * FROM tk_tokens")) {
			int columns = all.getMetaData().getColumnCount();
			while (all.next()) {
				rows++;
				for (int column = 1; column <= columns; column++) {
					String cell = all.getString(column);
					found += (cell != null && tokens.stream().anyMatch(cell::contains)) ? 1 : 0;
				}
			}
		}
		assertThat(rows).isEqualTo(tokens.size());
		return found;
	}

	@Test
	void expiryWhenIdleOrOldThenRefusedWithoutResurrectionAndNotRevivedByAClockStepBack() {
		try (SampleApp app = new SampleApp()) {
			RawHttp http = app.http();
			String shorty = token(http, "shorty", "shorty_password");
			app.clock.advance(DemoAccounts.SHORTY_TIMEOUT.minusSeconds(1));
			int beforeIdle = whoami(http, shorty);
			app.clock.advance(DemoAccounts.SHORTY_TIMEOUT.plusSeconds(1));
			int afterIdle = whoami(http, shorty);
			int again = whoami(http, shorty);
			app.clock.advance(Duration.ofHours(-1));
			int afterStepBack = whoami(http, shorty);
			app.clock.advance(Duration.ofHours(1));

			String me = token(http, "me", "my_password");
			int usesBeforeTheCap = 0;
			for (Duration age = Duration.ZERO; age.compareTo(Duration.ofHours(24)) < 0; age = age.plusMinutes(5)) {
				usesBeforeTheCap += (whoami(http, me) == 200) ? 1 : 0;
				app.clock.advance(Duration.ofMinutes(5));
			}
			app.clock.advance(Duration.ofSeconds(1));
			int afterTheCap = whoami(http, me);

			SecurityReport.area("O").ran(2, 295)
				.figure("O-04 idle timeout of shorty (configured 60 s)", "used at 59 s: " + beforeIdle
						+ ", at 60 s idle + 1 s: " + afterIdle + ", again: " + again)
				.figure("O-05 absolute lifetime (configured 24 h), used every 5 minutes", usesBeforeTheCap
						+ " of 288 uses served, at 24 h + 1 s: " + afterTheCap)
				.mustBeZero("R-11 expired tokens accepted after the clock stepped back 1 h", (afterStepBack == 200) ? 1 : 0);
			assertThat(beforeIdle).isEqualTo(200);
			assertThat(afterIdle).isEqualTo(401);
			assertThat(again).isEqualTo(401);
			assertThat(afterStepBack).isEqualTo(401);
			assertThat(usesBeforeTheCap).isEqualTo(288);
			assertThat(afterTheCap).isEqualTo(401);
		}
	}

	@Test
	void racesWhenUsesMeetExpiryOrRevocationThenNothingIsServedAfterwards() throws Exception {
		// R-08 is about issuing; the throttle, which queues parallel logins of one account, has its own tests
		try (SampleApp app = new SampleApp(Map.of("tokenkit.login-throttle.max-failures", 0), MutableClock.start())) {
			RawHttp http = app.http();
			ExecutorService pool = Executors.newFixedThreadPool(8);

			String atTheEdge = token(http, "shorty", "shorty_password");
			app.clock.advance(DemoAccounts.SHORTY_TIMEOUT.plusMillis(50));
			List<Integer> pastTheEdge = Concurrently.run(50, () -> whoami(http, atTheEdge));
			app.clock.advance(Duration.ofMillis(-100));
			int afterwards = whoami(http, atTheEdge);

			String revoked = token(http, "me", "my_password");
			AtomicBoolean revokeReturned = new AtomicBoolean();
			AtomicInteger servedAfterRevoke = new AtomicInteger();
			AtomicInteger usesDuringTheRace = new AtomicInteger();
			AtomicInteger usesAfterRevoke = new AtomicInteger();
			CountDownLatch started = new CountDownLatch(8);
			List<Future<?>> users = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				users.add(pool.submit(() -> {
					started.countDown();
					for (int use = 0; use < 40; use++) {
						boolean afterRevoke = revokeReturned.get();
						usesDuringTheRace.incrementAndGet();
						usesAfterRevoke.addAndGet(afterRevoke ? 1 : 0);
						if (whoami(http, revoked) == 200 && afterRevoke) {
							servedAfterRevoke.incrementAndGet();
						}
					}
				}));
			}
			started.await();
			assertThat(http.delete("/authentication_token", "Authorization: Bearer " + revoked).status()).isEqualTo(204);
			revokeReturned.set(true);
			for (Future<?> user : users) {
				user.get();
			}

			Set<String> parallelLogins = ConcurrentHashMap.newKeySet();
			List<Integer> loginStatuses = Concurrently.run(100, () -> {
				RawHttp.Response response = http.get("/authentication_token", "Authorization: user me:my_password");
				if (response.status() == 200) {
					parallelLogins.add(TokenAnswers.token(response, TokenAnswers.DSI_JSON, "application/json"));
				}
				return response.status();
			});
			pool.shutdown();

			SecurityReport.area("R").ran(3, 54 + usesDuringTheRace.get() + 100)
				.mustBeZero("R-06 resurrections: of 50 concurrent uses 50 ms past the idle timeout, served, plus "
						+ "served after the clock went back", pastTheEdge.stream().filter((s) -> s == 200).count()
						+ ((afterwards == 200) ? 1 : 0))
				.mustBeZero("R-07 uses served after revocation returned (8 threads, " + usesDuringTheRace.get()
						+ " uses, " + usesAfterRevoke.get() + " of them after)", servedAfterRevoke.get())
				.mustBeZero("R-08 of 100 parallel logins, answers other than 200 or duplicate tokens",
						loginStatuses.stream().filter((s) -> s != 200).count() + (100 - parallelLogins.size()));
			assertThat(pastTheEdge).containsOnly(401);
			assertThat(afterwards).isEqualTo(401);
			assertThat(servedAfterRevoke).hasValue(0);
			assertThat(usesAfterRevoke.get()).as("uses that started after the revocation returned").isPositive();
			assertThat(loginStatuses).containsOnly(200);
			assertThat(parallelLogins).hasSize(100);
		}
	}

	@Test
	void jwtWhenIssuedThenItsPayloadCarriesNoSecretAndAWeakSecretStopsTheStart() {
		String secret = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
		try (SampleApp app = new SampleApp(Map.of("tokenkit.token.kind", "jwt", "tokenkit.jwt.secret", secret),
				MutableClock.start())) {
			String token = token(app.http(), "John_Doe@hotmail.com", "somepassword");
			JsonNode claims = JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
			Set<String> names = new HashSet<>(claims.propertyNames());
			assertThat(names).isSubsetOf("jti", "sub", "iat", "exp", "username", "authorities", "iss", "aud");
			assertThat(claims.toString()).doesNotContain("somepassword", "YOUR_API_KEY", "John_Doe@hotmail.com",
					"$2a$");
			SecurityReport.area("W").ran(1, 1).figure("W-34 claims of an issued JWT", names);
		}
		String weak = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());
		assertThatThrownBy(() -> new SampleApp(Map.of("tokenkit.token.kind", "jwt", "tokenkit.jwt.secret", weak),
				MutableClock.start()).close())
			.hasRootCauseInstanceOf(TokenKitConfigurationException.class)
			.rootCause()
			.hasMessageContaining("tokenkit.jwt.secret")
			.hasMessageNotContaining(weak);
		SecurityReport.area("W").ran(1, 0).figure("W-33 a 128-bit HMAC secret", "the sample refuses to start");
	}

	private static String token(RawHttp http, String user, String password) {
		return TokenAnswers.token(http.get("/authentication_token", "Authorization: user " + user + ":" + password),
				TokenAnswers.DSI_JSON, "application/json");
	}

	private static int whoami(RawHttp http, String token) {
		return http.get("/secure/whoami", "Authorization: Bearer " + token).status();
	}

}
