package dev.tokenkit.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.tokenkit.core.jdbc.JdbcAccountRepository;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.redis.testing.TestRedis;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security catalog ({@code ../shared/SECURITY-CASES.md}) against the real sample in embedded Jetty over raw HTTP,
 * once per configuration: opaque tokens in memory, JWTs (with the catalog's section 9), and opaque tokens in Redis.
 * Table-driven: each {@link CatalogRows row} is one request of a catalog case with the statuses the catalog allows, and
 * every answer is also held to the catalog's global invariants: no 5xx (G1); no token issued unless expected, counted
 * in the sample's own store and in the body (G2); the secure handler not reached unless expected (G3); no secret,
 * exception text or stack trace in a body or header (G4); a challenge on every 401 (G5); {@code nosniff} and a
 * charset everywhere, {@code no-store} and {@code Pragma: no-cache} on token and credential-error answers (G6); no
 * session cookie; JSONP always behind {@code /**}{@code /}; one identical answer per pathway for every credential
 * failure (G8). After the run the captured logs are searched for every password, api key, token and token hash used
 * (G7), a canary listener on 127.0.0.1 must have seen no connection and a {@link Tripwire} no read, and no CSV cell may
 * start like a formula. What each of the catalog's bombs cost the server is measured. The figures go to the
 * {@link SecurityReport}.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = { "opaque+memory", "jwt+memory", "opaque+redis" })
class SecurityCatalogTests {

	private static final Pattern TOKEN = Pattern.compile(TokenAnswers.TOKEN);

	/** Catalog cases no class of the suite sends, and why; reported once per run. */
	private static final List<String> NOT_EXERCISED = List.of(
			"S2-09 under a tr-TR default locale: the run keeps the JVM's locale (logins are compared with Locale.ROOT)",
			"F-11 JSONP turned off: the DSI dialect defines JSONP and the sample keeps it on; F-17 escaping of echoed "
					+ "strings: no answer echoes input",
			"X-08 an application-supplied XmlMapper or XMLInputFactory: tokenkit builds its own parser and takes none",
			"T-27 insufficient_scope: not a catalog row; HardeningTests sends it to /secure/donor-summary (403 with "
					+ "the insufficient_scope challenge)",
			"P-21 a context path containing 'secure' and P-24 forward, include and error dispatches: the sample runs at "
					+ "the root and has no forwarding route (token-servlet's and token-spring-security's tests cover both)",
			"W-05 RS256 to HS256 key confusion and W-32 key rotation: the sample signs with one HS256 key "
					+ "(JwtTokenServiceTests cover both); W-36 and O-09 a disabled account's tokens, O-10 a password "
					+ "change: the sample has no way to disable an account or change a password; the app calls "
					+ "TokenService.revokeAll (docs/core.md)",
			"H-06 Referrer-Policy is checked on token answers and query-token secure answers only; H-10 no access log is "
					+ "configured in the harness; H-13 HSTS: the suite speaks plain HTTP",
			"L-07 a stalled body (Jetty's idle timeout, 30 s) and L-09 a hashing flood of 200 parallel logins",
			"B-09 the content of failure log lines (time, source, pathway, masked login)",
			"R-12 a client that disconnects while the token is written; R-13 a runtime fault inside a parser or "
					+ "driver (token-servlet's tests cover the last-resort 500)",
			"Jetty's own rejections (its HTTP parser: bad header bytes, 431, 414; its URI checks: encoded dots and "
					+ "slashes, NUL, backslash, overlong UTF-8) answer before any filter of the app, without nosniff; "
					+ "listed per run as a known gap");

	private static final AtomicBoolean NOT_EXERCISED_REPORTED = new AtomicBoolean();

	@Parameter
	String mode;

	private final byte[] jwtSecret = new byte[32];

	private @Nullable String redisPrefix;

	private SampleApp app;

	private RawHttp http;

	private ServerSocket canary;

	private final AtomicInteger canaryConnections = new AtomicInteger();

	private Tripwire tripwire;

	/** Where this run's log events start in {@link CapturedLogs}. */
	private int logMark;

	private List<ILoggingEvent> logs = List.of();

	/** Tokens the rows' answers issued, searched for in the logs with the run's own. */
	private final List<String> issuedByRows = new ArrayList<>();

	private final Map<String, String> tokens = new LinkedHashMap<>();

	/** Rows that broke an invariant or their case, by invariant. */
	private final Map<String, List<String>> violations = new TreeMap<>();

	/** Rows answered by Jetty before the app, without the app's headers. */
	private final List<String> containerRejections = new ArrayList<>();

	/** What each of the catalog's bombs cost the server. */
	private final List<String> bombCosts = new ArrayList<>();

	/** The status of every path variant. */
	private final List<String> pathStatuses = new ArrayList<>();

	/** The answer to each credential failure, by pathway, for G8. */
	private final Map<String, Map<String, String>> credentialFailures = new TreeMap<>();

	@BeforeEach
	void start() throws IOException, InterruptedException {
		Map<String, Object> settings = new HashMap<>();
		settings.put("spring.datasource.url", "jdbc:h2:mem:catalog-" + this.mode.replace('+', '-') + ";DB_CLOSE_DELAY=-1");
		// the throttle has its own tests (BruteForceTests); here it would turn the catalog's failures into 429s
		settings.put("tokenkit.login-throttle.max-failures", 0);
		if (this.mode.startsWith("jwt")) {
			new SecureRandom().nextBytes(this.jwtSecret);
			settings.put("tokenkit.token.kind", "jwt");
			settings.put("tokenkit.jwt.secret", Base64.getEncoder().encodeToString(this.jwtSecret));
		}
		if (this.mode.endsWith("redis")) {
			TestRedis.requireServer();
			this.redisPrefix = TestRedis.prefix();
			settings.put("tokenkit.store.type", "redis");
			settings.put("spring.data.redis.url", TestRedis.URL);
			settings.put("tokenkit.store.redis.key-prefix", this.redisPrefix);
		}
		// The sample's own log levels, except tokenkit's, which must stay clean even at DEBUG.
		settings.put("logging.level.dev.tokenkit", "DEBUG");
		this.logMark = CapturedLogs.mark();
		this.canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread listener = new Thread(this::countCanaryConnections, "canary");
		listener.setDaemon(true);
		listener.start();
		this.tripwire = Tripwire.create();
		this.app = new SampleApp(settings, MutableClock.start());
		CatalogAccounts.addTo(this.app.bean(JdbcAccountRepository.class));
		this.http = this.app.http();
		this.tokens.put("$E", dsiToken("shorty", "shorty_password"));
		this.app.clock.advance(Duration.ofMinutes(2));
		this.tokens.put("$T", dsiToken("me", "my_password"));
		this.tokens.put("$T2", dsiToken("me", "my_password"));
		this.tokens.put("$J", dsiToken("John_Doe@hotmail.com", "somepassword"));
		String revoked = dsiToken("me", "my_password");
		assertThat(this.http.delete("/authentication_token", "Authorization: Bearer " + revoked).status()).isEqualTo(204);
		this.tokens.put("$RFLIPPED", otherEncodingOfTheLastCharacter(revoked));
		this.tokens.put("$R", revoked);
		this.tokens.put("$TFLIPPED", otherEncodingOfTheLastCharacter(this.tokens.get("$T")));
		this.tokens.put("$H", TokenHash.of(this.tokens.get("$T")).toHex());
		this.tokens.put("$UPPER", this.tokens.get("$T").toUpperCase(Locale.ROOT));
	}

	@AfterEach
	void stop() throws IOException {
		if (this.app != null) {
			this.app.close();
		}
		if (this.redisPrefix != null) {
			TestRedis.clean(this.redisPrefix);
		}
		this.canary.close();
		if (this.tripwire != null) {
			this.tripwire.close();
		}
	}

	private void countCanaryConnections() {
		while (!this.canary.isClosed()) {
			try {
				Socket connection = this.canary.accept();
				this.canaryConnections.incrementAndGet();
				connection.close();
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private String dsiToken(String user, String password) {
		return TokenAnswers.token(this.http.get("/authentication_token", "Authorization: user " + user + ":" + password),
				TokenAnswers.DSI_JSON, "application/json");
	}

	/**
	 * The token with its last character replaced by the one that differs only in the lowest of its six bits: for a
	 * base64url JWT signature of 32 bytes those are bits no decoder keeps, so a lenient decoder reads the same
	 * signature (catalog W-10).
	 */
	private static String otherEncodingOfTheLastCharacter(String token) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		int last = alphabet.indexOf(token.charAt(token.length() - 1));
		return token.substring(0, token.length() - 1) + alphabet.charAt(last ^ 1);
	}

	@Test
	void catalogWhenEveryRowIsSentThenEachAnswersAsAllowedAndEveryInvariantHolds() throws IOException {
		JwtForge forge = this.mode.startsWith("jwt") ? new JwtForge(this.jwtSecret, this.tokens.get("$T")) : null;
		List<CatalogRow> rows = CatalogRows.all(forge, this.app.clock.instant().getEpochSecond(), this.canary.getLocalPort());
		Map<String, Set<String>> casesByArea = new TreeMap<>();
		Map<String, Integer> requestsByArea = new TreeMap<>();
		int pathVariants = 0;
		int pathVariantsServed = 0;
		for (CatalogRow row : rows) {
			casesByArea.computeIfAbsent(row.area(), (area) -> new LinkedHashSet<>()).add(row.caseId());
			requestsByArea.merge(row.area(), 1, Integer::sum);
			long served = send(row);
			if (row.area().equals("P")) {
				pathVariants++;
				pathVariantsServed += (int) served;
			}
		}
		this.credentialFailures.forEach((pathway, answers) -> {
			if (new LinkedHashSet<>(answers.values()).size() > 1) {
				this.violations.computeIfAbsent("G8 credential failures that differ", (k) -> new ArrayList<>())
					.add(pathway + " " + answers.keySet());
			}
		});
		if (NOT_EXERCISED_REPORTED.compareAndSet(false, true)) {
			NOT_EXERCISED.forEach(SecurityReport::notExercised);
		}
		this.logs = CapturedLogs.since(this.logMark);
		List<String> leaks = secretsInLogs();
		casesByArea.forEach((area, cases) -> SecurityReport.area(area).ran(cases.size(), requestsByArea.get(area)));
		SecurityReport.Area global = SecurityReport.area("G").ran(0, 0);
		for (String invariant : List.of("status not allowed by the catalog", "answers other than the documented decision",
				"case-specific check failed",
				"G1 5xx answers to client input", "G2 tokens issued wrongly", "G3 secure-handler calls without a valid token",
				"G4 answers echoing a secret, exception text or stack trace", "G5 401s without WWW-Authenticate",
				"G6 token or credential-error answers without no-store and Pragma: no-cache",
				"G6 answers without nosniff", "G6 answers with a body but no charset", "S1-31 answers setting a cookie",
				"F-01 JSONP answers not starting with /**/",
				"F-14 CSV cells beginning with = + - @ TAB CR NUL, not neutralised", "G8 credential failures that differ")) {
			global.mustBeZero(invariant + " [" + this.mode + "]", this.violations.getOrDefault(invariant, List.of()).size());
		}
		global.mustBeZero("G7 secrets in " + this.logs.size() + " captured log events [" + this.mode + "]",
				leaks.size());
		global.mustBeZero("canary connections from XML or JWT processing [" + this.mode + "]", this.canaryConnections.get());
		int fileReads = this.tripwire.reads();
		global.mustBeZero("local file reads triggered by input (a tripwire pipe named by every file: URI) [" + this.mode
				+ "]", fileReads);
		global.figure("answers made by Jetty's parser or URI checks before the app, without nosniff (known gap) ["
				+ this.mode + "]", this.containerRejections.size() + " " + this.containerRejections);
		SecurityReport.area("P").mustBeZero("path variants that reached the secure handler unauthenticated, of "
				+ pathVariants + " [" + this.mode + "]", pathVariantsServed)
			.figure("statuses of the path variants [" + this.mode + "]", String.join(", ", this.pathStatuses));
		SecurityReport.area("L").figure("resource use of the bombs, one at a time, by the server's threads [" + this.mode
				+ "]", String.join("; ", this.bombCosts));

		assertThat(this.violations).as("rows breaking an invariant or their case").isEmpty();
		assertThat(leaks).as("secrets in the captured logs").isEmpty();
		assertThat(this.canaryConnections).as("connections to the canary").hasValue(0);
		assertThat(fileReads).as("reads of the tripwire").isZero();
		assertThat(this.tripwire.countsARead()).as("the tripwire counts a read").isTrue();
	}

	/** Sends one row, checks its answer, and returns how many times the secure handler was reached. */
	private long send(CatalogRow row) {
		String[] lines = substitute(row.request()).split("\n");
		List<String> headerLines = new ArrayList<>(List.of(lines).subList(1, lines.length));
		String requestLine = lines[0] + " HTTP/1.1";
		// the placeholders and what replaces them are ASCII: through ISO-8859-1 every other byte stays as it was
		byte[] body = substitute(new String(row.body(), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
		int storedBefore = storedTokens();
		long handledBefore = this.app.secureHandlerCalls.sum();
		RequestCost cost = CatalogRows.RESOURCE_BOMBS.contains(row.id()) ? RequestCost.start() : null;
		RawHttp.Response response = this.http.send(requestLine, headerLines, body);
		if (cost != null) {
			this.bombCosts.add(row.id() + " " + cost.stop(response.status()));
		}
		if (row.area().equals("P")) {
			this.pathStatuses.add(row.id() + ": " + response.status());
		}
		int issued = storedTokens() - storedBefore;
		TOKEN.matcher(response.body()).results().forEach((match) -> this.issuedByRows.add(match.group()));
		long handled = this.app.secureHandlerCalls.sum() - handledBefore;

		check(row, "status not allowed by the catalog", row.allowed().contains(response.status()),
				response.status() + " not in " + row.allowed());
		if (row.allowed().size() > 1) {
			Integer decided = CatalogRows.DECISIONS.get(row.id());
			check(row, "answers other than the documented decision", decided != null && decided == response.status(),
					response.status() + ", decided " + decided);
			SecurityReport.area(row.area()).answer(row.id() + ": " + response.status() + " [" + this.mode + "]");
		}
		if (row.check() != null) {
			check(row, "case-specific check failed", row.check().test(response),
					row.checkName() + "; got " + response.status() + " " + response.header("Content-Type"));
		}
		check(row, "G1 5xx answers to client input", response.status() < 500, Integer.toString(response.status()));
		check(row, "G2 tokens issued wrongly", (row.issues() && response.status() == 200)
				|| (issued <= 0 && !TOKEN.matcher(response.body()).find()), issued + " stored");
		check(row, "G3 secure-handler calls without a valid token", row.serves() || handled == 0, handled + " calls");
		String everything = response.headers().stream().map((h) -> h[0] + ": " + h[1] + "\n")
			.reduce("", String::concat) + response.body();
		for (String secret : secretsOf(row)) {
			check(row, "G4 answers echoing a secret, exception text or stack trace", !everything.contains(secret),
					"a secret");
		}
		check(row, "G4 answers echoing a secret, exception text or stack trace", !everything.contains("Exception")
				&& !everything.contains("at dev.tokenkit") && !everything.contains("java.") && !everything.contains("jakarta.")
				&& !everything.contains("tools.jackson") && !everything.contains("com.ctc.wstx")
				&& !everything.contains("io.jsonwebtoken"), "exception text");
		check(row, "G5 401s without WWW-Authenticate", response.status() != 401
				|| response.header("WWW-Authenticate") != null, "no challenge");
		boolean nosniff = "nosniff".equals(response.header("X-Content-Type-Options"));
		if (!nosniff && CatalogRows.JETTY_REJECTIONS.contains(row.id()) && isContainerRejection(response)) {
			this.containerRejections.add(row.id() + ": " + response.status());
		}
		else {
			check(row, "G6 answers without nosniff", nosniff,
					"X-Content-Type-Options " + response.header("X-Content-Type-Options"));
		}
		check(row, "G6 answers with a body but no charset", response.body().isEmpty()
				|| String.valueOf(response.header("Content-Type")).toLowerCase(Locale.ROOT).contains("charset="),
				"Content-Type " + response.header("Content-Type"));
		boolean credentialAnswer = (row.issues() && response.status() == 200)
				|| (isIssuingEndpoint(requestLine) && response.status() == 401);
		if (credentialAnswer || response.status() == 401) {
			check(row, "G6 token or credential-error answers without no-store and Pragma: no-cache",
					String.valueOf(response.header("Cache-Control")).contains("no-store")
							&& (!credentialAnswer || "no-cache".equals(response.header("Pragma"))),
					"Cache-Control " + response.header("Cache-Control") + ", Pragma " + response.header("Pragma"));
		}
		boolean appLoginRedirect = response.status() == 302
				&& String.valueOf(response.header("Location")).endsWith("/login");
		check(row, "S1-31 answers setting a cookie", response.header("Set-Cookie") == null || appLoginRedirect,
				"Set-Cookie");
		check(row, "F-01 JSONP answers not starting with /**/", !String.valueOf(response.header("Content-Type"))
			.startsWith("application/javascript") || response.body().startsWith("/**/"), "JSONP prefix");
		check(row, "F-14 CSV cells beginning with = + - @ TAB CR NUL, not neutralised",
				!String.valueOf(response.header("Content-Type")).startsWith("text/csv")
						|| csvCells(response.body()).stream().noneMatch((cell) -> !cell.isEmpty()
								&& "=+-@\t\r\0".indexOf(cell.charAt(0)) >= 0),
				response.body());
		if (isIssuingEndpoint(requestLine) && response.status() == 401) {
			String pathway = requestLine.split("[ ?]")[1] + " " + response.header("Content-Type");
			String answer = response.status() + " " + response.headers().stream()
				.filter((h) -> !h[0].equalsIgnoreCase("Date") && !h[0].equalsIgnoreCase("Content-Length"))
				.map((h) -> h[0] + ": " + h[1]).sorted().toList() + " " + response.body();
			this.credentialFailures.computeIfAbsent(pathway, (k) -> new TreeMap<>()).put(row.id(), answer);
		}
		return handled;
	}

	/** The cells of a CSV text (RFC 4180: quoted cells with doubled quotes), unquoted. */
	private static List<String> csvCells(String csv) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted && c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
				cell.append(c);
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == ',' || c == '\n' || c == '\r')) {
				// a bare CR ends a row too, for a spreadsheet
				cells.add(cell.toString());
				cell.setLength(0);
				i += (c == '\r' && csv.startsWith("\n", i + 1)) ? 1 : 0;
			}
			else {
				cell.append(c);
			}
		}
		if (!cell.isEmpty()) {
			cells.add(cell.toString());
		}
		return cells;
	}

	/**
	 * An answer Jetty (its HTTP parser, its URI checks) made before any of the app's filters ran: a 4xx without any of
	 * the headers the app's security chain writes on every answer. Only rows listed in
	 * {@link CatalogRows#JETTY_REJECTIONS} may be such answers. (Requests the firewall rejects are answered by
	 * {@code TokenKitFirewall.rejectedRequests()}, with tokenkit's headers, and held to every invariant.)
	 */
	private static boolean isContainerRejection(RawHttp.Response response) {
		return response.status() >= 400 && response.status() < 500 && response.header("X-Frame-Options") == null;
	}

	private static boolean isIssuingEndpoint(String requestLine) {
		return requestLine.contains("/authentication_") || requestLine.contains("/api/userservice/tokens");
	}

	private void check(CatalogRow row, String invariant, boolean holds, String detail) {
		if (!holds) {
			this.violations.computeIfAbsent(invariant, (k) -> new ArrayList<>()).add(row.id() + " (" + detail + ")");
		}
	}

	private String substitute(String text) {
		String result = text.replace("CANARY", Integer.toString(this.canary.getLocalPort()))
			.replace("TRIPWIRE", this.tripwire.path());
		// longest names first, so that $T does not eat the start of $T2
		for (String name : this.tokens.keySet().stream()
			.sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
			result = result.replace(name, this.tokens.get(name));
		}
		return result;
	}

	/** The secrets an answer to this row must not carry: every password and api key, and the tokens it sent. */
	private List<String> secretsOf(CatalogRow row) {
		List<String> secrets = new ArrayList<>(CatalogAccounts.SECRETS);
		this.tokens.forEach((name, token) -> {
			if (row.request().contains(name) || new String(row.body(), StandardCharsets.UTF_8).contains(name)) {
				secrets.add(token);
			}
		});
		return secrets;
	}

	/** Live tokens (or, for JWTs, revocation markers' accounts) of the run's accounts, counted in the sample's store. */
	private int storedTokens() {
		TokenStore store = this.app.bean(TokenStore.class);
		return CatalogAccounts.IDS.stream().mapToInt((account) -> store.findByAccount(account).size()).sum();
	}

	private List<String> secretsInLogs() {
		List<String> secrets = new ArrayList<>();
		for (String secret : CatalogAccounts.SECRETS) {
			secrets.add(secret);
			secrets.add(CatalogRows.raw(secret));
		}
		List<String> tokens = new ArrayList<>(this.tokens.values());
		tokens.addAll(this.issuedByRows);
		for (String token : tokens) {
			secrets.add(token);
			secrets.add(TokenHash.of(token).toHex());
		}
		List<String> leaks = new ArrayList<>();
		for (ILoggingEvent event : this.logs) {
			String line = event.getFormattedMessage() + " "
					+ ((event.getThrowableProxy() != null) ? ThrowableProxyUtil.asString(event.getThrowableProxy()) : "");
			secrets.stream().filter(line::contains).forEach((secret) -> leaks.add(event.getLoggerName()));
		}
		return leaks;
	}

}
