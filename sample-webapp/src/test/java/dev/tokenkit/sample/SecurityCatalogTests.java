package dev.tokenkit.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first slice of the security catalog ({@code ../shared/SECURITY-CASES.md}) against the real sample in embedded
 * Jetty, table-driven: each row is a catalog case (id, request, the statuses the catalog allows), and every response is
 * also held to the catalog's global invariants: no 5xx (G1), no token issued unless expected, counted in the store
 * (G2), the secure handler not reached unless expected (G3), no secret or stack trace echoed (G4), a challenge on every
 * 401 (G5), {@code nosniff} everywhere and {@code no-store} on token and credential-error answers (G6), identical
 * credential failures (G8). After the run the captured logs are searched for every password, api key, token and token
 * hash used (G7), and a canary listener must have seen no connection. A report is printed and written to
 * {@code target/security-report.md}. Areas covered so far: S1 (DSI issuing), S2 (GlobalGiving issuing), F (formats and
 * JSONP), T (token transport), P (path matching, a few), X (XML), J (JSON).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityCatalogTests {

	private static final Pattern TOKEN = Pattern.compile(TokenAnswers.TOKEN);

	private static final List<String> SECRETS = List.of("my_password", "somepassword", "shorty_password", "ME_API_KEY",
			"YOUR_API_KEY");

	private SampleApp app;

	private RawHttp http;

	private ServerSocket canary;

	private final AtomicInteger canaryConnections = new AtomicInteger();

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private final Map<String, String> tokens = new LinkedHashMap<>();

	/** What the run found, by area: cases, requests, and each invariant's violations. */
	private final Map<String, int[]> areas = new LinkedHashMap<>();

	private final List<String> violations = new ArrayList<>();

	private final List<String> alternatives = new ArrayList<>();

	private final List<String> containerAnswers = new ArrayList<>();

	/**
	 * Rows that Jetty (its header parser, its ambiguous-URI checks) or Spring Security's firewall refuse before any
	 * filter of the app runs; their 400s carry none of the app's headers. Reported, not held to G6 yet.
	 */
	private static final Set<String> CONTAINER_REJECTIONS = Set.of("S1-24", "P-02", "P-04", "P-05");

	@BeforeAll
	void start() throws IOException {
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		// The sample's own log levels, except tokenkit's, which must stay clean even at DEBUG.
		logging.getLogger("dev.tokenkit").setLevel(Level.DEBUG);
		this.logs.start();
		logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this.logs);
		this.canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread listener = new Thread(this::countCanaryConnections, "canary");
		listener.setDaemon(true);
		listener.start();
		this.app = new SampleApp();
		this.http = this.app.http();
		this.tokens.put("$E", dsiToken("shorty", "shorty_password"));
		this.app.clock.advance(Duration.ofMinutes(2));
		this.tokens.put("$T", dsiToken("me", "my_password"));
		this.tokens.put("$T2", dsiToken("me", "my_password"));
		this.tokens.put("$J", dsiToken("John_Doe@hotmail.com", "somepassword"));
		String revoked = dsiToken("me", "my_password");
		assertThat(this.http.delete("/authentication_token", "Authorization: Bearer " + revoked).status()).isEqualTo(204);
		this.tokens.put("$R", revoked);
	}

	@AfterAll
	void stop() throws IOException {
		if (this.app != null) {
			this.app.close();
		}
		this.canary.close();
		((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
			.detachAppender(this.logs);
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

	/** One catalog case: the request, the statuses it allows, and whether it may issue a token or reach a handler. */
	private record Row(String id, String request, String body, Set<Integer> allowed, boolean issues, boolean serves) {

		String area() {
			return this.id.substring(0, this.id.indexOf('-'));
		}

	}

	private static final String DSI_JSON = "POST /authentication_credentials HTTP/1.1\nContent-Type: application/json";

	private static final String DSI_XML = "POST /authentication_credentials HTTP/1.1\nContent-Type: application/xml";

	/** Ten entities, each ten references to the one before: a billion laughs if expanded. */
	private static String billionLaughs() {
		StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE Credentials [<!ENTITY l0 \"ha\">");
		for (int i = 1; i < 10; i++) {
			dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
		}
		return dtd.append("]><Credentials><Username>&l9;</Username><Password>x</Password></Credentials>").toString();
	}

	private static Row row(String id, String request, int... allowed) {
		return new Row(id, request, "", statuses(allowed), false, false);
	}

	private static Row issuing(String id, String request) {
		return new Row(id, request, "", Set.of(200), true, false);
	}

	private static Row serving(String id, String request) {
		return new Row(id, request, "", Set.of(200), false, true);
	}

	private static Row posting(String id, String request, String body, int... allowed) {
		return new Row(id, request, body, statuses(allowed), false, false);
	}

	private static Set<Integer> statuses(int... allowed) {
		Set<Integer> set = new TreeSet<>();
		for (int status : allowed) {
			set.add(status);
		}
		return set;
	}

	/** The rows: a request line, then header lines, separated by "\n"; {@code $T} and friends are replaced. */
	private List<Row> rows() {
		String gg = "POST /api/userservice/tokens HTTP/1.1\nContent-Type: application/json";
		return List.of(
				issuing("S1-01", "GET /authentication_token HTTP/1.1\nAuthorization: user me:my_password"),
				issuing("S1-02", "GET /authentication_token.json HTTP/1.1\nAuthorization: user me:my_password"),
				row("S1-03", "GET /authentication_token HTTP/1.1\nAuthorization: user me:wrong-password", 401),
				row("S1-04", "GET /authentication_token HTTP/1.1\nAuthorization: user nobody:whatever", 401),
				row("S1-07", "GET /authentication_token HTTP/1.1\nAuthorization: user me", 400, 401),
				row("S1-08", "GET /authentication_token HTTP/1.1\nAuthorization: user :my_password", 400, 401),
				row("S1-09", "GET /authentication_token HTTP/1.1\nAuthorization: user me:", 400, 401),
				issuing("S1-10", "GET /authentication_token HTTP/1.1\nAuthorization: USER me:my_password"),
				row("S1-17", "GET /authentication_token?username=john&password=somepassword HTTP/1.1\n"
						+ "Authorization: user me:wrong", 400),
				row("S1-20", "GET /authentication_token?username=me HTTP/1.1", 400, 401),
				issuing("S1-22", "GET /authentication_token HTTP/1.1\nAuthorization: Basic bWU6bXlfcGFzc3dvcmQ="),
				row("S1-23", "GET /authentication_token HTTP/1.1\nAuthorization: user me:my_password\n"
						+ "Authorization: user john:somepassword", 400),
				row("S1-24", "GET /authentication_token HTTP/1.1\nAuthorization: user me:pw\u0001x", 400),
				issuing("F-01", "GET /authentication_token?callback=cb HTTP/1.1\nAuthorization: user me:my_password"),
				issuing("F-02", "GET /authentication_token?callback=jQuery1124_15.success HTTP/1.1\n"
						+ "Authorization: user me:my_password"),
				row("F-03", "GET /authentication_token?callback=alert(1);// HTTP/1.1\n"
						+ "Authorization: user me:my_password", 400),
				row("F-04", "GET /authentication_token?callback=%3C/script%3E%3Cscript%3Ealert(1)%3C/script%3E "
						+ "HTTP/1.1\nAuthorization: user me:my_password", 400),
				row("F-05", "GET /authentication_token?callback=cb%0D%0ASet-Cookie:%20x=y HTTP/1.1\n"
						+ "Authorization: user me:my_password", 400),
				row("F-07", "GET /authentication_token?callback=CWS" + "A".repeat(1000) + " HTTP/1.1\n"
						+ "Authorization: user me:my_password", 400),
				row("F-09", "GET /authentication_token?callback=a&callback=b HTTP/1.1\n"
						+ "Authorization: user me:my_password", 400),
				row("F-10", "GET /authentication_token?callback=cb HTTP/1.1\nAuthorization: user me:wrong", 401),
				issuing("S2-01", gg + "\n\n{\"auth_request\":{\"user\":{\"email\":\"John_Doe@hotmail.com\","
						+ "\"password\":\"somepassword\"},\"api_key\":\"YOUR_API_KEY\"}}"),
				posting("S2-02", gg, "{\"auth_request\":{\"user\":{\"email\":\"John_Doe@hotmail.com\","
						+ "\"password\":\"wrong\"},\"api_key\":\"YOUR_API_KEY\"}}", 401),
				posting("S2-03", gg, "{\"auth_request\":{\"user\":{\"email\":\"John_Doe@hotmail.com\","
						+ "\"password\":\"somepassword\"},\"api_key\":\"WRONG_KEY\"}}", 401),
				posting("S2-04", gg, "{\"auth_request\":{\"user\":{\"email\":\"John_Doe@hotmail.com\","
						+ "\"password\":\"somepassword\",\"password\":\"x\"},\"api_key\":\"YOUR_API_KEY\"}}", 400),
				posting("X-01", "POST /api/userservice/tokens HTTP/1.1\nContent-Type: application/xml",
						"<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"http://127.0.0.1:CANARY/x\">]>"
								+ "<auth_request><user><email>&x;</email><password>somepassword</password></user>"
								+ "<api_key>YOUR_API_KEY</api_key></auth_request>", 400),
				posting("J-01", DSI_JSON, "{\"Username\":\"me\",\"Password\":\"my_password\"}xyz", 400),
				posting("J-03", DSI_JSON, "{\"Username\":\"john\",\"Username\":\"me\",\"Password\":\"my_password\"}",
						400),
				posting("J-04", DSI_JSON, "{\"username\":\"me\",\"password\":\"my_password\"}", 400),
				posting("J-05", DSI_JSON, "{\"Username\":null,\"Password\":null}", 400),
				posting("J-06", DSI_JSON, "{\"Username\":[\"me\"],\"Password\":\"my_password\"}", 400),
				posting("J-07", DSI_JSON, "{\"Username\":\"me\",\"Password\":{\"$ne\":\"\"}}", 400),
				posting("J-08", DSI_JSON, "{\"Username\":\"me\",\"Password\":12345678}", 400, 401),
				posting("J-10", DSI_JSON, "{/*x*/\"Username\":\"me\",\"Password\":\"my_password\"}", 400),
				posting("J-11", DSI_JSON, "{'Username':'me','Password':'my_password'}", 400),
				posting("J-12", DSI_JSON, "[".repeat(100_000), 400, 413),
				posting("J-13", DSI_JSON, "{\"Username\":\"me\",\"Password\":\"my_password\",\"n\":"
						+ "9".repeat(5000) + "}", 400),
				posting("J-15", DSI_JSON, "null", 400),
				posting("J-15b", DSI_JSON, "[]", 400),
				posting("J-20", DSI_JSON, "{\"Username\":\"me\\u0000\",\"Password\":\"my_password\"}", 400),
				new Row("J-21", DSI_JSON, "{\"Username\":\"me\",\"Password\":\"my_password\",\"isAdmin\":true}",
						Set.of(200), true, false),
				posting("X-02", DSI_XML, "<?xml version=\"1.0\"?><!DOCTYPE Credentials [<!ENTITY x SYSTEM "
						+ "\"http://127.0.0.1:CANARY/x\">]><Credentials><Username>&x;</Username>"
						+ "<Password>my_password</Password></Credentials>", 400),
				posting("X-03", DSI_XML, "<!DOCTYPE Credentials SYSTEM \"http://127.0.0.1:CANARY/c.dtd\"><Credentials>"
						+ "<Username>me</Username><Password>my_password</Password></Credentials>", 400),
				posting("X-04", DSI_XML, "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:CANARY/p.dtd\"> %p;]>"
						+ "<Credentials><Username>me</Username><Password>my_password</Password></Credentials>", 400),
				posting("X-05", DSI_XML, billionLaughs(), 400),
				posting("X-07", DSI_XML, "<!DOCTYPE Credentials><Credentials><Username>me</Username>"
						+ "<Password>my_password</Password></Credentials>", 400),
				posting("X-10", DSI_XML, "<a>".repeat(5000) + "</a>".repeat(5000), 400, 413),
				posting("X-15", DSI_XML, "<Credentials><Username>me</Username><Password>my_password</Credentials>", 400),
				new Row("X-18", DSI_XML, "<Credentials><Username>me</Username><Password>my_<![CDATA[pass]]>word"
						+ "</Password></Credentials>", Set.of(200), true, false),
				new Row("X-19", DSI_XML, "<Credentials><Username>me</Username><Password>&#x6D;y_password</Password>"
						+ "</Credentials>", Set.of(200), true, false),
				serving("T-01", "GET /secure/whoami HTTP/1.1\nAuthorization: Bearer $T"),
				row("T-02", "GET /secure/whoami HTTP/1.1", 401),
				row("T-03", "GET /secure/whoami HTTP/1.1\nAuthorization: Bearer 9f8e7d6c5b4a", 401),
				row("T-04", "GET /secure/whoami HTTP/1.1\nAuthorization: Bearer $E", 401),
				row("T-05", "GET /secure/whoami HTTP/1.1\nAuthorization: Bearer $R", 401),
				serving("T-07", "GET /secure/whoami HTTP/1.1\nAuthorization: Bearer  $T"),
				row("T-08", "GET /secure/whoami HTTP/1.1\nAuthorization: Bearer", 400, 401),
				row("T-09", "GET /secure/whoami HTTP/1.1\nAuthorization: Bearer $T junk", 401),
				row("T-10", "GET /secure/whoami HTTP/1.1\nAuthorization: Bearer tk_\"x\"", 401),
				row("T-11", "GET /secure/whoami?access_token=$T HTTP/1.1\nAuthorization: Bearer $T", 400),
				row("T-12", "GET /secure/whoami?api_token=$T&access_token=$T2 HTTP/1.1", 400),
				row("T-13", "GET /secure/whoami?access_token=$T&access_token=$T HTTP/1.1", 400),
				row("T-14", "GET /secure/whoami?access_token= HTTP/1.1", 400),
				row("T-18", "GET /secure/whoami HTTP/1.1\nAuthorization: Basic bWU6bXlfcGFzc3dvcmQ=", 401),
				row("T-19", "GET /secure/whoami HTTP/1.1\nAuthorization: user me:my_password", 401),
				row("T-20", "GET /secure/whoami HTTP/1.1\nAuthorization: Bearer $T\nAuthorization: Bearer $T2", 400),
				row("T-22", "GET /secure/whoami HTTP/1.1\nCookie: access_token=$T", 401),
				row("T-24", "GET /api/secure/givingservice/donations?api_token=$J HTTP/1.1", 400, 401),
				serving("T-25", "GET /api/secure/givingservice/donations?api_token=$J&api_key=YOUR_API_KEY HTTP/1.1"),
				row("T-26", "GET /api/secure/givingservice/donations?api_token=$J&api_key=ME_API_KEY HTTP/1.1", 401),
				row("P-01", "GET /SECURE/whoami HTTP/1.1", 302, 401, 404),
				row("P-02", "GET /secure;x=y/whoami HTTP/1.1", 400, 401),
				row("P-03", "GET /%73ecure/whoami HTTP/1.1", 400, 401),
				row("P-04", "GET /public/../secure/whoami HTTP/1.1", 400, 401),
				row("P-05", "GET /secure//whoami HTTP/1.1", 400, 401));
	}

	@Test
	void catalogWhenEveryRowIsSentThenEachAnswersAsAllowedAndEveryInvariantHolds() throws IOException {
		Map<String, String> credentialFailures = new LinkedHashMap<>();
		for (Row row : rows()) {
			int[] figures = this.areas.computeIfAbsent(row.area(), (area) -> new int[2]);
			figures[0]++;
			figures[1]++;
			send(row, credentialFailures);
		}
		assertThat(new HashSet<>(credentialFailures.values())).as("credential failures %s",
				credentialFailures.keySet()).hasSize(1);
		List<String> leaks = secretsInLogs();
		report(leaks);
		assertThat(this.violations).isEmpty();
		assertThat(leaks).as("secrets in the captured logs").isEmpty();
		assertThat(this.canaryConnections).as("connections to the canary").hasValue(0);
	}

	private void send(Row row, Map<String, String> credentialFailures) {
		String[] lines = substitute(row.request()).split("\n\n", 2);
		String body = (lines.length > 1) ? lines[1] : substitute(row.body());
		List<String> headerLines = new ArrayList<>(List.of(lines[0].split("\n")));
		String requestLine = headerLines.remove(0);
		if (!body.isEmpty()) {
			headerLines.add("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
		}
		int storedBefore = storedTokens();
		long handledBefore = this.app.secureHandlerCalls.sum();
		RawHttp.Response response = this.http.send(requestLine, headerLines, body);
		int issued = storedTokens() - storedBefore;
		long handled = this.app.secureHandlerCalls.sum() - handledBefore;

		check(row, "status " + response.status() + " allowed " + row.allowed(), row.allowed().contains(response.status()));
		if (row.allowed().size() > 1) {
			this.alternatives.add(row.id() + ": " + response.status() + " (allowed " + row.allowed() + ")");
		}
		check(row, "G1 no 5xx", response.status() < 500);
		check(row, "G2 no token issued", row.issues() || (issued == 0 && !TOKEN.matcher(response.body()).find()));
		check(row, "G3 handler not reached", row.serves() || handled == 0);
		String everything = response.toString();
		for (String secret : secretsOf(row)) {
			check(row, "G4 no echo of a secret", !everything.contains(secret));
		}
		check(row, "G4 no stack trace", !everything.contains("Exception") && !everything.contains("at dev.tokenkit")
				&& !everything.contains("java.lang"));
		check(row, "G5 challenge on 401", response.status() != 401 || response.header("WWW-Authenticate") != null);
		if (CONTAINER_REJECTIONS.contains(row.id())) {
			this.containerAnswers.add(row.id() + ": " + response.status() + ", X-Content-Type-Options "
					+ response.header("X-Content-Type-Options"));
		}
		else {
			check(row, "G6 nosniff", "nosniff".equals(response.header("X-Content-Type-Options")));
		}
		boolean credentialArea = Set.of("S1", "S2", "X", "F", "J").contains(row.area());
		if (credentialArea || response.status() == 401) {
			check(row, "G6 no-store", String.valueOf(response.header("Cache-Control")).contains("no-store"));
		}
		check(row, "S1-31 no session cookie", response.header("Set-Cookie") == null);
		check(row, "F JSONP starts with /**/", !String.valueOf(response.header("Content-Type"))
			.startsWith("application/javascript") || response.body().startsWith("/**/"));
		if (credentialArea && response.status() == 401 && row.id().startsWith("S1")) {
			credentialFailures.put(row.id(), response.status() + " " + response.header("WWW-Authenticate") + " "
					+ response.header("Content-Type") + " " + response.body());
		}
	}

	private void check(Row row, String invariant, boolean holds) {
		if (!holds) {
			this.violations.add(row.id() + ": " + invariant);
		}
	}

	private String substitute(String text) {
		String result = text.replace("CANARY", Integer.toString(this.canary.getLocalPort()));
		for (String name : List.of("$T2", "$T", "$E", "$R", "$J")) {
			result = result.replace(name, this.tokens.get(name));
		}
		return result;
	}

	/** The secrets a response to this row must not carry: every password and api key, and the tokens it sent. */
	private List<String> secretsOf(Row row) {
		List<String> secrets = new ArrayList<>(SECRETS);
		this.tokens.forEach((name, token) -> {
			if (row.request().contains(name)) {
				secrets.add(token);
			}
		});
		return secrets;
	}

	/** Live tokens of the demo accounts, counted in the sample's own store. */
	private int storedTokens() {
		TokenStore store = this.app.bean(TokenStore.class);
		return Stream.of("1", "2", "3").mapToInt((account) -> store.findByAccount(account).size()).sum();
	}

	private List<String> secretsInLogs() {
		List<String> secrets = new ArrayList<>(SECRETS);
		for (String token : this.tokens.values()) {
			secrets.add(token);
			secrets.add(TokenHash.of(token).toHex());
		}
		List<String> leaks = new ArrayList<>();
		for (ILoggingEvent event : this.logs.list) {
			String line = event.getFormattedMessage() + " " + String.valueOf(event.getThrowableProxy());
			secrets.stream().filter(line::contains).forEach((secret) -> leaks.add(event.getLoggerName()));
		}
		return leaks;
	}

	private void report(List<String> leaks) {
		StringBuilder report = new StringBuilder("# Security catalog run (first slice)\n\n| area | cases | requests |\n"
				+ "|---|---|---|\n");
		int cases = 0;
		for (Map.Entry<String, int[]> area : this.areas.entrySet()) {
			report.append("| ").append(area.getKey()).append(" | ").append(area.getValue()[0]).append(" | ")
				.append(area.getValue()[1]).append(" |\n");
			cases += area.getValue()[0];
		}
		report.append("| total | ").append(cases).append(" | ").append(cases).append(" |\n\n")
			.append("Invariant violations (must be 0): ").append(this.violations.size()).append('\n')
			.append(this.violations.stream().map((violation) -> "- " + violation + "\n").reduce("", String::concat))
			.append("Secrets found in ").append(this.logs.list.size()).append(" captured log events (must be 0): ")
			.append(leaks.size()).append('\n')
			.append("Connections to the canary listener (must be 0): ").append(this.canaryConnections.get())
			.append("\n\nAnswered by the container before the app (G6 nosniff not held yet):\n")
			.append(this.containerAnswers.stream().map((line) -> "- " + line + "\n").reduce("", String::concat))
			.append("\nCases that allow two answers, and the answer observed:\n")
			.append(this.alternatives.stream().map((line) -> "- " + line + "\n").reduce("", String::concat))
			.append("\nNot exercised yet: sections 2, 4-6 beyond the rows above, 9-15 (JWT mode, timing, brute force, "
					+ "size limits, load and faults), Jazzer fuzzing.\n");
		System.out.println(report);
		try {
			Files.writeString(Path.of("target", "security-report.md"), report.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
