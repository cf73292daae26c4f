package dev.tokenkit.sample;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

import dev.tokenkit.core.jdbc.JdbcAccountRepository;
import dev.tokenkit.core.opaque.OpaqueTokenCodec;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalog section 11 (timing): populations of requests that must not be told apart by their latency, sent
 * interleaved (A, B, A, B, ...) from one client after a warm-up, and compared by median, 90th percentile and a
 * Mann-Whitney U test; an A/A pair of identical populations gives the noise floor. Not a timed assertion: the test
 * fails only on a gross difference, such as a password hash skipped for unknown users (a bcrypt check costs tens of
 * milliseconds, a skipped one nothing). The figures go to the {@link SecurityReport}.
 */
@Isolated
class CredentialTimingTests {

	/**
	 * Requests of each population sent before a comparison is measured: the sample's code paths are compiled by then
	 * (the first comparison follows the set-up's own requests, the others share most of their path).
	 */
	private static final int WARM_UP = 10;

	/**
	 * Requests of each population that checks a password, 40 + 40: each costs a bcrypt check (about 60 ms), so these
	 * comparisons are the test's whole time. The assertion needs few: a skipped hash makes a median 100 times smaller,
	 * which even 10 samples show. 40 are set by the report's Mann-Whitney test, for a difference smaller than a hash:
	 * with the spread these latencies have on this machine (p90 about 2 ms over the median, a standard deviation of
	 * about 1.5 ms), 40 + 40 samples find a 1 ms difference (a database lookup skipped) at p below 0.05 four times in five
	 * (n = 1.05 x 2 x (1.96 + 0.84)^2 x (1.5 / 1)^2 = 37 per population; 1.05 is the rank test's cost over a t test).
	 */
	private static final int SAMPLES = 40;

	/**
	 * Requests of each population that presents a token, 1,000 + 1,000: about 0.3 ms each, so cheap; the differences
	 * they look for (a comparison that stops at the first wrong byte) are microseconds in a spread of 0.05 ms.
	 */
	private static final int TOKEN_SAMPLES = 1000;

	private static final String DONATIONS = "/api/secure/givingservice/donations?api_key=";

	@Test
	void timingWhenCredentialsFailForDifferentReasonsThenTheLatenciesCannotBeToldApart() {
		// without the throttle, which would delay and then refuse the repeated failures (as the catalog advises)
		try (SampleApp app = new SampleApp(Map.of("spring.datasource.url", "jdbc:h2:mem:timing;DB_CLOSE_DELAY=-1",
				"tokenkit.login-throttle.max-failures", 0), MutableClock.start())) {
			CatalogAccounts.addTo(app.bean(JdbcAccountRepository.class));
			RawHttp http = app.http();
			Supplier<RawHttp.Response> wrongPassword = () -> http.get("/authentication_token",
					"Authorization: user me:wrong-password-1");
			Supplier<RawHttp.Response> unknownUser = () -> http.get("/authentication_token",
					"Authorization: user nobody-at-all:wrong-password-1");
			Supplier<RawHttp.Response> disabled = () -> http.get("/authentication_token",
					"Authorization: user dave:" + CatalogAccounts.DAVE_PASSWORD);
			Supplier<RawHttp.Response> ggWrongPassword = globalGiving(http, "John_Doe@hotmail.com", "wrong-1",
					"YOUR_API_KEY");
			Supplier<RawHttp.Response> ggUnknownUser = globalGiving(http, "nobody@hotmail.com", "wrong-1", "YOUR_API_KEY");
			Supplier<RawHttp.Response> ggWrongApiKey = globalGiving(http, "John_Doe@hotmail.com", "somepassword",
					"WRONG_API_KEY");
			Supplier<RawHttp.Response> ggUnknownUserWrongApiKey = globalGiving(http, "nobody@hotmail.com", "somepassword",
					"WRONG_API_KEY");

			Comparison noise = compare("A/A: wrong password vs wrong password (DSI header)", wrongPassword, wrongPassword);
			Comparison e01 = compare("E-01: unknown user vs wrong password (DSI header)", unknownUser, wrongPassword);
			Comparison e03 = compare("E-03: disabled account, right password, vs wrong password (DSI header)", disabled,
					wrongPassword);
			Comparison e01gg = compare("E-01: unknown e-mail vs wrong password (GlobalGiving JSON)", ggUnknownUser,
					ggWrongPassword);
			Comparison e10 = compare("E-10: wrong api key, unknown vs known e-mail with its right password "
					+ "(GlobalGiving JSON)", ggUnknownUserWrongApiKey, ggWrongApiKey);

			String token = TokenAnswers.token(http.get("/authentication_token", "Authorization: user me:my_password"),
					TokenAnswers.DSI_JSON, "application/json");
			String firstWrong = wellFormedWithChange(token, 3);
			String lastWrong = wellFormedWithChange(token, 45);
			Comparison e05 = compare("E-05: well-formed token wrong in the first vs the last character of its random part",
					TOKEN_SAMPLES, () -> http.get("/secure/whoami", "Authorization: Bearer " + firstWrong),
					() -> http.get("/secure/whoami", "Authorization: Bearer " + lastWrong));
			String johnToken = TokenAnswers.token(http.get("/authentication_token",
					"Authorization: user John_Doe@hotmail.com:somepassword"), TokenAnswers.DSI_JSON, "application/json");
			Comparison e06 = compare("E-06: api key (YOUR_API_KEY) wrong in its first vs its last character", TOKEN_SAMPLES,
					() -> http.get(DONATIONS + "XOUR_API_KEY", "Authorization: Bearer " + johnToken),
					() -> http.get(DONATIONS + "YOUR_API_KEZ", "Authorization: Bearer " + johnToken));

			SecurityReport.Area area = SecurityReport.area("E").ran(6, 0);
			for (Comparison comparison : List.of(noise, e01, e03, e01gg, e10, e05, e06)) {
				area.ran(0, 2 * WARM_UP + comparison.a().length + comparison.b().length)
					.figure(comparison.name(), comparison.summary());
			}
			SecurityReport.notExercised("E-04 (hash-cost skew): every account of the sample has the same bcrypt cost");

			for (Comparison comparison : List.of(e01, e03, e01gg, e10)) {
				assertThat(comparison.medianRatio()).as("%s: a gross difference, such as a skipped password hash",
						comparison.name()).isBetween(0.5, 2.0);
			}
		}
	}

	/** A GlobalGiving JSON token request. */
	private static Supplier<RawHttp.Response> globalGiving(RawHttp http, String email, String password, String apiKey) {
		String body = "{\"auth_request\":{\"user\":{\"email\":\"" + email + "\",\"password\":\"" + password + "\"},"
				+ "\"api_key\":\"" + apiKey + "\"}}";
		return () -> http.post("/api/userservice/tokens", body, "Content-Type: application/json");
	}

	/**
	 * The token with one character of its random part changed (a high bit of its six, so that the bytes change too)
	 * and its checksum recomputed: well-formed, so it is looked up in the store, and unknown.
	 */
	private static String wellFormedWithChange(String token, int index) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		StringBuilder body = new StringBuilder(token.substring(0, OpaqueTokenCodec.LENGTH - 6));
		body.setCharAt(index, alphabet.charAt(alphabet.indexOf(body.charAt(index)) ^ 0x20));
		CRC32C crc = new CRC32C();
		crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
		long checksum = crc.getValue() << 4;
		for (int i = 0; i < 6; i++) {
			body.append(alphabet.charAt((int) (checksum >>> (30 - 6 * i)) & 63));
		}
		assertThat(OpaqueTokenCodec.isWellFormed(body.toString())).isTrue();
		return body.toString();
	}

	private static Comparison compare(String name, Supplier<RawHttp.Response> a, Supplier<RawHttp.Response> b) {
		return compare(name, SAMPLES, a, b);
	}

	private static Comparison compare(String name, int samples, Supplier<RawHttp.Response> a,
			Supplier<RawHttp.Response> b) {
		for (int i = 0; i < WARM_UP; i++) {
			a.get();
			b.get();
		}
		double[] timesA = new double[samples];
		double[] timesB = new double[samples];
		for (int i = 0; i < samples; i++) {
			timesA[i] = time(a);
			timesB[i] = time(b);
		}
		return new Comparison(name, timesA, timesB);
	}

	/**
	 * Milliseconds for one exchange; every answer must be a refusal: {@code 401}, or {@code 403} for a valid token
	 * with a wrong api key (E-06).
	 */
	private static double time(Supplier<RawHttp.Response> request) {
		long started = System.nanoTime();
		RawHttp.Response response = request.get();
		double millis = (System.nanoTime() - started) / 1e6;
		assertThat(response.status()).isIn(401, 403);
		return millis;
	}

	/** Two populations of latencies in milliseconds. */
	private record Comparison(String name, double[] a, double[] b) {

		double medianRatio() {
			return percentile(this.a, 50) / percentile(this.b, 50);
		}

		String summary() {
			double z = mannWhitneyZ(this.a, this.b);
			return String.format("n = %d + %d; median %.2f vs %.2f ms (difference %.2f ms); p90 %.2f vs %.2f ms; "
					+ "Mann-Whitney z = %.2f, p = %.3f", this.a.length, this.b.length, percentile(this.a, 50),
					percentile(this.b, 50), percentile(this.a, 50) - percentile(this.b, 50), percentile(this.a, 90),
					percentile(this.b, 90), z, 2 * (1 - normalCdf(Math.abs(z))));
		}

		private static double percentile(double[] values, int percent) {
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
		}

		/** The U statistic of the first sample, as a z score (normal approximation, mid-ranks for ties). */
		private static double mannWhitneyZ(double[] a, double[] b) {
			List<double[]> all = new ArrayList<>();
			for (double value : a) {
				all.add(new double[] { value, 0 });
			}
			for (double value : b) {
				all.add(new double[] { value, 1 });
			}
			all.sort((x, y) -> Double.compare(x[0], y[0]));
			double rankSumA = 0;
			for (int i = 0; i < all.size();) {
				int j = i;
				while (j < all.size() && all.get(j)[0] == all.get(i)[0]) {
					j++;
				}
				double midRank = (i + 1 + j) / 2.0;
				for (int k = i; k < j; k++) {
					rankSumA += (all.get(k)[1] == 0) ? midRank : 0;
				}
				i = j;
			}
			double n1 = a.length;
			double n2 = b.length;
			double u = rankSumA - n1 * (n1 + 1) / 2;
			return (u - n1 * n2 / 2) / Math.sqrt(n1 * n2 * (n1 + n2 + 1) / 12);
		}

		/** The standard normal distribution function (Abramowitz and Stegun 7.1.26 for erf). */
		private static double normalCdf(double z) {
			double x = Math.abs(z) / Math.sqrt(2);
			double t = 1 / (1 + 0.3275911 * x);
			double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
					+ 0.254829592) * t * Math.exp(-x * x);
			return (z >= 0) ? (1 + erf) / 2 : (1 - erf) / 2;
		}

	}

}
