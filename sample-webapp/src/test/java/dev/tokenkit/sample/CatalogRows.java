package dev.tokenkit.sample;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tokenkit.servlet.testing.RawHttp;
import org.jspecify.annotations.Nullable;

import static dev.tokenkit.sample.CatalogAccounts.ALICE_PASSWORD;
import static dev.tokenkit.sample.CatalogAccounts.CDATA_END_PASSWORD;
import static dev.tokenkit.sample.CatalogAccounts.COLON_PASSWORD;
import static dev.tokenkit.sample.CatalogAccounts.DAVE_PASSWORD;
import static dev.tokenkit.sample.CatalogAccounts.K1;
import static dev.tokenkit.sample.CatalogAccounts.K17;
import static dev.tokenkit.sample.CatalogAccounts.K18;
import static dev.tokenkit.sample.CatalogAccounts.K2;
import static dev.tokenkit.sample.CatalogAccounts.PASSWORD_64;
import static dev.tokenkit.sample.CatalogAccounts.PASSWORD_80;
import static dev.tokenkit.sample.CatalogAccounts.UMLAUT_PASSWORD;
import static dev.tokenkit.sample.CatalogAccounts.XML_PASSWORD;
import static dev.tokenkit.sample.CatalogRow.issuing;
import static dev.tokenkit.sample.CatalogRow.refused;
import static dev.tokenkit.sample.CatalogRow.serving;

/**
 * The rows of the security catalog ({@code ../shared/SECURITY-CASES.md}) that are single requests, by section, with
 * the catalog's ids; the catalog's fixtures are mapped onto the sample: {@code /secure/whoami} and
 * {@code /api/secure/givingservice/donations} (which also needs an {@code api_key}) are the protected resources,
 * {@code me}, {@code john} and the {@link CatalogAccounts} the users. Placeholders replaced when sending: {@code $T},
 * {@code $T2} (tokens of {@code me}), {@code $J} (of {@code john}, whose api key is {@code YOUR_API_KEY}), {@code $E}
 * (expired), {@code $R} (revoked), {@code $H} (the stored hash of {@code $T}), {@code $UPPER} ({@code $T} in capitals),
 * {@code $TFLIPPED} and {@code $RFLIPPED} (the last character spelled another way), {@code CANARY} (the canary's
 * port), {@code TRIPWIRE} (the {@link Tripwire}'s path).
 * Where the catalog allows two answers a row lists both, the answer tokenkit chose is in {@link #DECISIONS} (and in
 * {@code docs/security.md}), and a run fails on any other. A path that is neither a token endpoint nor a secure path belongs to
 * the app: the sample's form login answers it with {@code 302} to {@code /login}.
 */
final class CatalogRows {

	private static final String DSI = "GET /authentication_token";

	private static final String ME = "\nAuthorization: user me:my_password";

	private static final String CREDENTIALS_JSON = "POST /authentication_credentials\nContent-Type: application/json";

	private static final String CREDENTIALS_XML = "POST /authentication_credentials\nContent-Type: application/xml";

	private static final String GG_JSON = "POST /api/userservice/tokens\nContent-Type: application/json";

	private static final String GG_XML = "POST /api/userservice/tokens\nContent-Type: application/xml";

	private static final String WHOAMI = "GET /secure/whoami";

	private static final String DONATIONS = "GET /api/secure/givingservice/donations";

	/** The catalog's bombs, whose resource use each run reports (section 16, item 14). */
	static final Set<String> RESOURCE_BOMBS = Set.of("X-05", "X-06", "J-12", "L-05", "L-06", "W-27a", "W-27b");

	/**
	 * The answer tokenkit gives, for every row whose catalog case allows more than one (docs/security.md has the
	 * table with the reasons): a run fails when a row answers otherwise.
	 */
	static final Map<String, Integer> DECISIONS = decisions(
			200, "S1-11 S2-17 F-16a F-16b X-17a X-17b J-09a J-17a",
			302, "P-17a P-17b P-18a P-18b",
			400, "S1-07 S1-08 S1-20a S1-20b S1-25b S2-11 F-08 X-09 T-24 P-04a P-04b P-04c P-09 P-10 P-17c P-25c "
					+ "L-08",
			401, "S2-08 S2-12a S2-12b S2-16 J-15a T-08a T-08b T-16a T-28 P-02 P-03a P-03b P-05a P-05b "
					+ "P-25b O-12b O-12c O-12d L-02 W-03a W-03b W-03c W-03d W-04 W-06a W-06b W-06c W-08 W-10a W-10b "
					+ "W-10c W-10d W-12 W-13 W-14 W-15a W-15b W-15c W-15d W-15e W-17a W-17b W-18a W-18b W-18c W-20a "
					+ "W-20b W-20c W-21a W-21b W-22 W-23 W-24 W-25 W-26 W-27a W-27b W-28a W-28b W-29",
			403, "T-25b",
			404, "S1-26a S1-26b S1-27a S1-27b S1-27c",
			405, "S1-25c T-15 T-16b",
			406, "S1-29",
			413, "X-06 X-10 X-11 X-12 J-12 J-14 L-11",
			414, "L-03",
			415, "L-10",
			431, "S1-16b L-01a L-01b W-30");

	/**
	 * Rows that Jetty answers before any filter of the app (its HTTP parser, its URI checks), without the app's headers:
	 * the known gap of docs/security.md; any other answer without {@code nosniff} fails the run.
	 */
	static final Set<String> JETTY_REJECTIONS = Set.of("S1-16b", "S1-24a", "S1-24b", "P-11", "P-12a", "P-12b",
			"P-12c", "P-13a", "P-13b", "P-15a", "P-15b", "P-16a", "P-16b", "P-17c", "P-19", "L-01a", "L-01b", "L-03",
			"W-30");

	private CatalogRows() {
	}

	private static Map<String, Integer> decisions(Object... statusAndIds) {
		Map<String, Integer> decisions = new HashMap<>();
		for (int i = 0; i < statusAndIds.length; i += 2) {
			for (String id : ((String) statusAndIds[i + 1]).split(" ")) {
				decisions.put(id, (Integer) statusAndIds[i]);
			}
		}
		return Map.copyOf(decisions);
	}

	/**
	 * Every row for one run of the sample.
	 *
	 * @param forge the JWT forge when the sample issues JWTs, else {@code null} (section 9 then runs elsewhere)
	 * @param nowSeconds the sample's clock, for the times in forged JWTs
	 */
	static List<CatalogRow> all(@Nullable JwtForge forge, long nowSeconds, int canaryPort) {
		List<CatalogRow> rows = new ArrayList<>();
		rows.addAll(dsiIssuing());
		rows.addAll(credentialBodies());
		rows.addAll(globalGiving());
		rows.addAll(formats());
		rows.addAll(xml());
		rows.addAll(json());
		rows.addAll(transport());
		rows.addAll(paths());
		rows.addAll(opaque());
		rows.addAll(headers());
		rows.addAll(limits());
		if (forge != null) {
			rows.addAll(jwt(forge, nowSeconds, "http://127.0.0.1:" + canaryPort));
		}
		return rows;
	}

	/** Section 1: {@code GET /authentication_token}. */
	static List<CatalogRow> dsiIssuing() {
		return List.of(
				issuing("S1-01", DSI + ME).expect("JSON string, application/json;charset=UTF-8",
						(r) -> r.body().startsWith("\"") && "application/json;charset=UTF-8".equalsIgnoreCase(r.header("Content-Type"))),
				issuing("S1-02", DSI + ".json" + ME),
				refused("S1-03", DSI + "\nAuthorization: user me:wrong-password", 401),
				refused("S1-04", DSI + "\nAuthorization: user nobody:whatever", 401),
				refused("S1-05", DSI + "\nAuthorization: user dave:" + DAVE_PASSWORD, 401),
				issuing("S1-06", DSI + "\nAuthorization: user colon:" + COLON_PASSWORD),
				refused("S1-07", DSI + "\nAuthorization: user me", 400, 401),
				refused("S1-08", DSI + "\nAuthorization: user :my_password", 400, 401),
				refused("S1-09", DSI + "\nAuthorization: user me:", 401),
				issuing("S1-10a", DSI + "\nAuthorization: USER me:my_password"),
				issuing("S1-10b", DSI + "\nAuthorization: User me:my_password"),
				refused("S1-11", DSI + "\nAuthorization: user   me:my_password", 200, 400).mayIssue(),
				issuing("S1-14a", DSI + "\nAuthorization: user umlaut:" + raw(UMLAUT_PASSWORD)),
				issuing("S1-14b", DSI + "?username=umlaut&password=p%C3%A4ssw%C3%B6rd-%C3%9Cn%C3%AF-42"),
				refused("S1-15", DSI + "\nAuthorization: user long80:" + PASSWORD_80.substring(0, 72) + "XXXXXXXX", 401),
				issuing("S1-16a", DSI + "\nAuthorization: user long64:" + PASSWORD_64),
				refused("S1-16b", DSI + "\nAuthorization: user me:" + "x".repeat(1 << 20), 400, 431),
				refused("S1-17", DSI + "?username=john&password=somepassword\nAuthorization: user me:wrong", 400),
				issuing("S1-19", DSI + "?username=me&password=my_password").expect("Referrer-Policy: no-referrer",
						(r) -> "no-referrer".equals(r.header("Referrer-Policy"))),
				refused("S1-20a", DSI + "?username=me", 400, 401),
				refused("S1-20b", DSI + "?password=x", 400, 401),
				issuing("S1-22", DSI + "\nAuthorization: Basic bWU6bXlfcGFzc3dvcmQ="),
				refused("S1-23", DSI + ME + "\nAuthorization: user john:somepassword", 400),
				refused("S1-24a", DSI + "\nAuthorization: user me:pw\u0000x", 400),
				refused("S1-24b", DSI + "\nAuthorization: user me:pw\u007fx", 400),
				refused("S1-24c", DSI + "\nAuthorization: user me:pw" + raw("\u0085") + "x", 400),
				refused("S1-25a", "POST /authentication_token\nContent-Type: application/x-www-form-urlencoded" + ME,
						405).body("username=me&password=my_password")
					.expect("Allow: GET", (r) -> String.valueOf(r.header("Allow")).contains("GET")),
				refused("S1-25b", "TRACE /authentication_token" + ME, 400, 405),
				refused("S1-25c", "HEAD /authentication_token" + ME, 200, 405).mayIssue(),
				refused("S1-26a", DSI + ".JSON" + ME, 200, 302, 404).mayIssue()
					.expect("JSON when 200", (r) -> r.status() != 200 || r.header("Content-Type").startsWith("application/json")),
				refused("S1-26b", DSI + ".XmL" + ME, 200, 302, 404).mayIssue()
					.expect("XML when 200", (r) -> r.status() != 200 || r.header("Content-Type").startsWith("application/xml")),
				refused("S1-27a", DSI + ".html" + ME, 302, 404, 406),
				refused("S1-27b", DSI + ".js" + ME, 302, 404, 406),
				refused("S1-27c", DSI + ".bat" + ME, 302, 404, 406),
				refused("S1-28a", DSI + ";setup.bat?callback=calc" + ME, 400),
				refused("S1-28b", DSI + ";jsessionid=x.bat" + ME, 400),
				refused("S1-29", DSI + ME + "\nAccept: text/html", 200, 406).mayIssue().expect("JSON when 200, never HTML",
						(r) -> r.status() != 200 || r.header("Content-Type").startsWith("application/json")));
	}

	/** Section 2: {@code POST /authentication_credentials}. */
	static List<CatalogRow> credentialBodies() {
		return List.of(
				issuing("C-01", CREDENTIALS_JSON).body("{\"Username\":\"me\",\"Password\":\"my_password\"}"),
				issuing("C-02", CREDENTIALS_XML)
					.body("<Credentials><Username>me</Username><Password>my_password</Password></Credentials>"),
				refused("C-03a", CREDENTIALS_JSON, 401).body("{\"Username\":\"me\",\"Password\":\"wrong\"}"),
				refused("C-03b", CREDENTIALS_XML, 401)
					.body("<Credentials><Username>me</Username><Password>wrong</Password></Credentials>"),
				refused("C-04", "POST /authentication_credentials\nContent-Type: text/plain", 415)
					.body("{\"Username\":\"me\",\"Password\":\"my_password\"}"),
				refused("C-05", "POST /authentication_credentials", 415)
					.body("{\"Username\":\"me\",\"Password\":\"my_password\"}"),
				refused("C-06a", "POST /authentication_credentials\nContent-Type: application/x-www-form-urlencoded",
						415).body("Username=me&Password=my_password"),
				refused("C-06b", "POST /authentication_credentials\nContent-Type: multipart/form-data; boundary=b", 415)
					.body("--b\r\nContent-Disposition: form-data; name=\"Username\"\r\n\r\nme\r\n--b--\r\n"),
				refused("C-08", "POST /authentication_credentials\nContent-Type: application/json; charset=UTF-16", 400)
					.bytes("{\"Username\":\"me\",\"Password\":\"my_password\"}".getBytes(StandardCharsets.UTF_16)),
				refused("C-09", "GET /authentication_credentials", 405)
					.expect("Allow: POST", (r) -> String.valueOf(r.header("Allow")).contains("POST")));
	}

	/** Section 3: {@code POST /api/userservice/tokens}. */
	static List<CatalogRow> globalGiving() {
		return List.of(
				issuing("S2-02", GG_JSON).body(ggJson("John_Doe@hotmail.com", "somepassword", "YOUR_API_KEY")),
				refused("S2-05", GG_JSON, 401).body(ggJson("John_Doe@hotmail.com", "somepassword", "UNKNOWN_KEY")),
				refused("S2-06a", GG_JSON, 401).body(ggJson("nobody@example.test", "somepassword", "YOUR_API_KEY")),
				refused("S2-06b", GG_JSON, 401).body(ggJson("John_Doe@hotmail.com", "wrong", "YOUR_API_KEY")),
				refused("S2-07a", "POST /api/userservice/tokens?api_key=" + K1 + "\nContent-Type: application/json",
						400).body(ggJson("John_Doe@hotmail.com", "somepassword", "YOUR_API_KEY")),
				refused("S2-07b", GG_XML, 400).body("<auth_request><user><email>John_Doe@hotmail.com</email>"
						+ "<password>somepassword</password></user><api_key>YOUR_API_KEY</api_key><api_key>" + K1
						+ "</api_key></auth_request>"),
				refused("S2-08", GG_JSON, 200, 401).mayIssue()
					.body(ggJson(" Alice@Example.TEST ", ALICE_PASSWORD, K1)),
				issuing("S2-09a", GG_JSON).body(ggJson("ALICE@EXAMPLE.TEST", ALICE_PASSWORD, K1)),
				refused("S2-09b", GG_JSON, 401).body(ggJson("\u0430lice@example.test", ALICE_PASSWORD, K1)),
				issuing("S2-10a", GG_XML).body(ggXml("xmlchars@example.test", "<![CDATA[" + XML_PASSWORD + "]]>", K17)),
				issuing("S2-10b", GG_XML).body(ggXml("cdataend@example.test",
						"<![CDATA[a]]]]><![CDATA[>b-Word-12]]>", K18)),
				refused("S2-11", GG_XML, 400, 401).body(ggXml("alice@example.test", "\n    " + ALICE_PASSWORD + "\n  ", K1)),
				refused("S2-12a", GG_XML, 400, 401).body("<auth_request><user><email>alice@example.test</email>"
						+ "<password/></user><api_key>" + K1 + "</api_key></auth_request>"),
				refused("S2-12b", GG_XML, 400, 401).body("<auth_request><user><email>alice@example.test</email>"
						+ "<password></password></user><api_key>" + K1 + "</api_key></auth_request>"),
				refused("S2-13a", GG_XML, 400).body(ggXml("alice@example.test", ALICE_PASSWORD, K1)
					.replace("auth_request>", "auth_requestX>")),
				refused("S2-13b", GG_XML, 400).body("<foo><user><email>alice@example.test</email><password>"
						+ ALICE_PASSWORD + "</password></user><api_key>" + K1 + "</api_key></foo>"),
				refused("S2-14a", GG_JSON, 400)
					.body("{\"auth_request\":{\"user\":\"alice@example.test\",\"api_key\":\"" + K1 + "\"}}"),
				refused("S2-14b", GG_JSON, 400).body("{\"auth_request\":[]}"),
				refused("S2-14c", GG_JSON, 400).body("{\"auth_request\":null}"),
				refused("S2-16", GG_XML, 400, 401).body("<auth_request><user email=\"john_doe@hotmail.com\"><email>"
						+ "alice@example.test</email><password>somepassword</password></user><api_key>YOUR_API_KEY"
						+ "</api_key></auth_request>"),
				refused("S2-17", GG_XML, 200, 400).mayIssue().body(ggXml("alice@example.test", ALICE_PASSWORD, K1)
					.replace("<auth_request>", "<a:auth_request xmlns:a=\"urn:x\">")
					.replace("</auth_request>", "</a:auth_request>")),
				issuing("S2-18a", GG_JSON).body("{\"auth_request\":{\"role\":\"admin\",\"user\":{\"id\":1,\"email\":"
						+ "\"alice@example.test\",\"password\":\"" + ALICE_PASSWORD + "\"},\"api_key\":\"" + K1 + "\"}}"),
				issuing("S2-18b", GG_XML).body(ggXml("alice@example.test", ALICE_PASSWORD, K1)
					.replace("</auth_request>", "<is_admin>true</is_admin></auth_request>")),
				refused("S2-19a", GG_JSON, 400).body(ggJsonRaw("alice@example.test", "12345678", K1)),
				refused("S2-19b", GG_JSON, 400).body(ggJsonRaw("alice@example.test", "true", K1)),
				refused("S2-19c", GG_JSON, 400).body(ggJsonRaw("alice@example.test", "[\"x\"]", K1)),
				refused("S2-19d", GG_JSON, 400).body(ggJsonRaw("alice@example.test", "{\"$ne\":\"\"}", K1)),
				refused("S2-20a", GG_JSON, 400).body(ggJson("alice@example.test", ALICE_PASSWORD + "\\u0000junk", K1)),
				refused("S2-20b", GG_XML, 400).body(ggXml("alice@example.test", ALICE_PASSWORD + "&#0;", K1)));
	}

	/** Section 4: response formats, JSONP, XML and CSV. */
	static List<CatalogRow> formats() {
		return List.of(
				issuing("F-01", DSI + "?callback=cb" + ME).expect("/**/cb(\"token\"); as application/javascript",
						(r) -> r.body().matches("/\\*\\*/cb\\(\"[^\"]+\"\\);")
								&& r.header("Content-Type").startsWith("application/javascript")),
				issuing("F-02", DSI + "?callback=jQuery1124_15.success" + ME),
				refused("F-03", DSI + "?callback=alert(1);//" + ME, 400),
				refused("F-04", DSI + "?callback=%3C/script%3E%3Cscript%3Ealert(1)%3C/script%3E" + ME, 400),
				refused("F-05", DSI + "?callback=cb%0D%0ASet-Cookie:%20x=y" + ME, 400),
				refused("F-07", DSI + "?callback=CWS" + "A".repeat(1000) + ME, 400),
				refused("F-08", DSI + "?callback=" + ME, 200, 400).mayIssue()
					.expect("plain JSON", (r) -> r.status() != 200 || r.body().startsWith("\"")),
				refused("F-09", DSI + "?callback=a&callback=b" + ME, 400),
				refused("F-10a", DSI + "?callback=cb\nAuthorization: user me:wrong", 401)
					.expect("/**/cb({...});", (r) -> r.body().startsWith("/**/cb({")),
				refused("F-10b", DSI + "?callback=alert(1)\nAuthorization: user me:wrong", 400),
				issuing("F-13", DSI + ".xml" + ME).expect("application/xml;charset=UTF-8, no DOCTYPE",
						(r) -> "application/xml;charset=UTF-8".equals(r.header("Content-Type"))
								&& !r.body().contains("DOCTYPE")),
				issuing("F-14", DSI + ".csv" + ME).expect("text/csv, fixed attachment name",
						(r) -> r.header("Content-Type").startsWith("text/csv;charset=UTF-8")
								&& "attachment; filename=\"token.csv\"".equals(r.header("Content-Disposition"))),
				refused("F-14b", DSI + ".csv\nAuthorization: user =HYPERLINK(\"http://evil.test\",\"x\"):wrong", 401),
				refused("F-14c", DSI + "\nAccept: text/csv\nAuthorization: user @SUM(1+1):-2+3", 401),
				refused("F-16a", DSI + ".xml?callback=cb" + ME, 200, 400).mayIssue()
					.expect("never JavaScript", (r) -> !r.body().startsWith("/**/")),
				refused("F-16b", DSI + ".csv?callback=cb" + ME, 200, 400).mayIssue()
					.expect("never JavaScript", (r) -> !r.body().startsWith("/**/")));
	}

	/** Section 5: XML bodies. */
	static List<CatalogRow> xml() {
		String credentials = "<Credentials><Username>me</Username><Password>my_password</Password></Credentials>";
		return List.of(
				refused("X-01a", CREDENTIALS_XML, 400).body("<?xml version=\"1.0\"?><!DOCTYPE Credentials [<!ENTITY xxe "
						+ "SYSTEM \"file://TRIPWIRE\">]><Credentials><Username>&xxe;</Username><Password>x"
						+ "</Password></Credentials>").expect("no file content", (r) -> !r.body().contains("root:")),
				refused("X-01b", GG_XML, 400).body("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY xxe SYSTEM "
						+ "\"file://TRIPWIRE\">]>" + ggXml("&xxe;", "somepassword", "YOUR_API_KEY"))
					.expect("no file content", (r) -> !r.body().contains("root:")),
				refused("X-02a", CREDENTIALS_XML, 400).body("<?xml version=\"1.0\"?><!DOCTYPE Credentials [<!ENTITY x "
						+ "SYSTEM \"http://127.0.0.1:CANARY/x\">]><Credentials><Username>&x;</Username>"
						+ "<Password>my_password</Password></Credentials>"),
				refused("X-02b", GG_XML, 400).body("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM "
						+ "\"http://127.0.0.1:CANARY/x\">]>" + ggXml("&x;", "somepassword", "YOUR_API_KEY")),
				refused("X-03", CREDENTIALS_XML, 400)
					.body("<!DOCTYPE Credentials SYSTEM \"http://127.0.0.1:CANARY/c.dtd\">" + credentials),
				refused("X-04", CREDENTIALS_XML, 400).body("<!DOCTYPE x [<!ENTITY % p SYSTEM "
						+ "\"http://127.0.0.1:CANARY/p.dtd\"> %p;]>" + credentials),
				refused("X-05", CREDENTIALS_XML, 400).body(billionLaughs()),
				refused("X-06", CREDENTIALS_XML, 400, 413).body("<!DOCTYPE Credentials [<!ENTITY a \"" + "x".repeat(40_000)
						+ "\">]><Credentials><Username>" + "&a;".repeat(4_000) + "</Username><Password>x</Password>"
						+ "</Credentials>"),
				refused("X-07", CREDENTIALS_XML, 400).body("<!DOCTYPE Credentials>" + credentials),
				refused("X-09", CREDENTIALS_XML, 400, 401).body("<Credentials xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
						+ "<Username><xi:include href=\"file://TRIPWIRE\" parse=\"text\"/></Username><Password>x"
						+ "</Password></Credentials>").expect("no file content", (r) -> !r.body().contains("root:")),
				refused("X-10", CREDENTIALS_XML, 400, 413).body("<a>".repeat(5000) + "</a>".repeat(5000)),
				refused("X-11", CREDENTIALS_XML, 400, 413).body("<Credentials " + attributes(2000) + "><Username>me"
						+ "</Username><Password>my_password</Password></Credentials>"),
				refused("X-12", CREDENTIALS_XML + "\nContent-Length: " + (1 << 20), 400, 413)
					.body("<Credentials a=\"" + "x".repeat(32 * 1024)),
				refused("X-13", CREDENTIALS_XML + "\nContent-Length: " + (50 << 20), 413)
					.body("<Credentials><Username>me</Username><Password>" + "x".repeat(32 * 1024)),
				refused("X-15a", CREDENTIALS_XML, 400)
					.body("<Credentials><Username>me</Username><Password>my_password</Credentials>"),
				refused("X-15b", CREDENTIALS_XML, 400)
					.body("<Credentials><Username>me & you</Username><Password>my_password</Password></Credentials>"),
				refused("X-15c", CREDENTIALS_XML, 400).body(credentials + credentials),
				refused("X-16", CREDENTIALS_XML, 400).body("<?xml version=\"1.1\"?><Credentials><Username>m&#1;e"
						+ "</Username><Password>my_password</Password></Credentials>"),
				refused("X-17a", CREDENTIALS_XML, 200, 400).mayIssue().body("<Credentials><Username>me</Username>"
						+ "<Password>my_<!-- x -->password</Password></Credentials>"),
				refused("X-17b", CREDENTIALS_XML, 200, 400).mayIssue().body("<Credentials><Username>me</Username>"
						+ "<Password>my_<?pi x?>password</Password></Credentials>"),
				issuing("X-18", CREDENTIALS_XML).body("<Credentials><Username>me</Username><Password>my_<![CDATA[pass]]>"
						+ "word</Password></Credentials>"),
				issuing("X-19", CREDENTIALS_XML).body("<Credentials><Username>me</Username><Password>&#x6D;y_password"
						+ "</Password></Credentials>"));
	}

	/** Section 6: JSON bodies. */
	static List<CatalogRow> json() {
		return List.of(
				refused("J-01", CREDENTIALS_JSON, 400).body("{\"Username\":\"me\",\"Password\":\"my_password\"}xyz"),
				refused("J-03", CREDENTIALS_JSON, 400)
					.body("{\"Username\":\"john\",\"Username\":\"me\",\"Password\":\"my_password\"}"),
				refused("J-04", CREDENTIALS_JSON, 400).body("{\"username\":\"me\",\"password\":\"my_password\"}"),
				refused("J-05", CREDENTIALS_JSON, 400).body("{\"Username\":null,\"Password\":null}"),
				refused("J-06", CREDENTIALS_JSON, 400).body("{\"Username\":[\"me\"],\"Password\":\"my_password\"}"),
				refused("J-07", CREDENTIALS_JSON, 400).body("{\"Username\":\"me\",\"Password\":{\"$ne\":\"\"}}"),
				refused("J-08", CREDENTIALS_JSON, 400).body("{\"Username\":\"me\",\"Password\":12345678}"),
				refused("J-09a", CREDENTIALS_JSON, 200, 400).mayIssue()
					.body("{\"@class\":\"java.net.URL\",\"Username\":\"me\",\"Password\":\"my_password\"}"),
				refused("J-09b", CREDENTIALS_JSON, 400).body("[\"java.util.HashMap\",{\"Username\":\"me\"}]"),
				refused("J-10a", CREDENTIALS_JSON, 400).body("{/*x*/\"Username\":\"me\",\"Password\":\"my_password\"}"),
				refused("J-10b", CREDENTIALS_JSON, 400).body("{\"Username\":\"me\",\"Password\":\"my_password\"}\n// x"),
				refused("J-11a", CREDENTIALS_JSON, 400).body("{'Username':'me','Password':'my_password'}"),
				refused("J-11b", CREDENTIALS_JSON, 400).body("{Username:\"me\",Password:\"my_password\"}"),
				refused("J-11c", CREDENTIALS_JSON, 400).body("{\"Username\":\"me\",\"Password\":\"my_password\",\"n\":NaN}"),
				refused("J-11d", CREDENTIALS_JSON, 400).body("{\"Username\":\"me\",\"Password\":\"my_password\",}"),
				refused("J-11e", CREDENTIALS_JSON, 400).body("{\"Username\":\"me\",\"Password\":\"my_password\",\"n\":007}"),
				refused("J-12", CREDENTIALS_JSON, 400, 413).body("[".repeat(100_000)),
				refused("J-13", CREDENTIALS_JSON, 400)
					.body("{\"Username\":\"me\",\"Password\":\"my_password\",\"n\":" + "9".repeat(5000) + "}"),
				refused("J-14", CREDENTIALS_JSON, 400, 413).body("{\"" + "n".repeat(100_000) + "\":1}"),
				refused("J-15a", CREDENTIALS_JSON, 400, 401),
				refused("J-15b", CREDENTIALS_JSON, 400).body("null"),
				refused("J-15c", CREDENTIALS_JSON, 400).body("[]"),
				refused("J-15d", CREDENTIALS_JSON, 400).body("\"\""),
				refused("J-15e", CREDENTIALS_JSON, 400).body("0"),
				refused("J-16", CREDENTIALS_JSON, 400).bytes(concat("{\"Username\":\"me\",\"Password\":\"my_",
						new byte[] { (byte) 0xC3, 0x28 }, "password\"}")),
				refused("J-17a", CREDENTIALS_JSON, 200, 400).mayIssue().bytes(concat("", new byte[] { (byte) 0xEF, (byte) 0xBB,
						(byte) 0xBF }, "{\"Username\":\"me\",\"Password\":\"my_password\"}")),
				refused("J-17b", CREDENTIALS_JSON, 400).bytes("{\"Username\":\"me\",\"Password\":\"my_password\"}"
					.getBytes(StandardCharsets.UTF_16LE)),
				issuing("J-18", CREDENTIALS_JSON).body("{\"Username\":\"\\u006De\",\"Password\":\"my_password\"}"),
				refused("J-20", CREDENTIALS_JSON, 400).body("{\"Username\":\"me\\u0000\",\"Password\":\"my_password\"}"),
				issuing("J-21", CREDENTIALS_JSON).body("{\"Username\":\"me\",\"Password\":\"my_password\",\"isAdmin\":"
						+ "true,\"expires_in\":99999999}"),
				refused("J-22", CREDENTIALS_JSON, 413).body("{\"Username\":\"me\",\"Password\":\"my_password\",\"pad\":["
						+ "1,".repeat(500_000) + "1]}"));
	}

	/** Section 7: how the token travels on secure requests. */
	static List<CatalogRow> transport() {
		return List.of(
				serving("T-01", WHOAMI + "\nAuthorization: Bearer $T"),
				refused("T-02", WHOAMI, 401).expect("challenge without an error",
						(r) -> r.header("WWW-Authenticate").startsWith("Bearer") && !r.header("WWW-Authenticate").contains("error")),
				refused("T-03", WHOAMI + "\nAuthorization: Bearer 9f8e7d6c5b4a", 401).expect("invalid_token",
						(r) -> r.header("WWW-Authenticate").contains("error=\"invalid_token\"")),
				refused("T-04", WHOAMI + "\nAuthorization: Bearer $E", 401),
				refused("T-05", WHOAMI + "\nAuthorization: Bearer $R", 401),
				serving("T-07", WHOAMI + "\nAuthorization: Bearer  $T"),
				refused("T-08a", WHOAMI + "\nAuthorization: Bearer", 400, 401),
				refused("T-08b", WHOAMI + "\nAuthorization: Bearer ", 400, 401),
				refused("T-09", WHOAMI + "\nAuthorization: Bearer $T junk", 401),
				refused("T-10a", WHOAMI + "\nAuthorization: Bearer tk_\"x\"", 401),
				refused("T-10b", WHOAMI + "\nAuthorization: Bearer tk_%41{x};\\", 401),
				refused("T-10c", WHOAMI + "\nAuthorization: Bearer tk_" + raw("\u00e9t\u00e9"), 401),
				refused("T-11", WHOAMI + "?access_token=$T\nAuthorization: Bearer $T", 400),
				refused("T-12", WHOAMI + "?api_token=$T&access_token=$T2", 400),
				refused("T-13a", WHOAMI + "?access_token=$T&access_token=$T2", 400),
				refused("T-13b", WHOAMI + "?access_token=$T&access_token=$T", 400),
				refused("T-14", WHOAMI + "?access_token=", 400),
				refused("T-15", "POST /secure/whoami?access_token=$T", 401, 403, 405).mayServe(),
				refused("T-16a", "POST /secure/whoami\nContent-Type: application/x-www-form-urlencoded", 401, 403)
					.body("access_token=$T"),
				refused("T-16b", "POST /secure/whoami?access_token=$T\nContent-Type: application/x-www-form-urlencoded",
						400, 401, 403, 405).mayServe().body("access_token=$T"),
				serving("T-17", WHOAMI + "?access_token=$T").expect("no-store and Referrer-Policy: no-referrer",
						(r) -> String.valueOf(r.header("Cache-Control")).contains("no-store")
								&& "no-referrer".equals(r.header("Referrer-Policy"))),
				refused("T-18", WHOAMI + "\nAuthorization: Basic bWU6bXlfcGFzc3dvcmQ=", 401).expect("no error code",
						(r) -> !r.header("WWW-Authenticate").contains("error")),
				refused("T-19", WHOAMI + ME, 401),
				refused("T-20", WHOAMI + "\nAuthorization: Bearer $T\nAuthorization: Bearer $T2", 400),
				refused("T-21a", WHOAMI + "\nAuthorization: Bearer abc==", 401),
				refused("T-21b", WHOAMI + "\nAuthorization: Bearer ==abc", 401),
				refused("T-22", WHOAMI + "\nCookie: access_token=$T", 401),
				refused("T-24", DONATIONS + "?api_token=$J", 400, 401),
				serving("T-25a", DONATIONS + "?api_token=$J&api_key=YOUR_API_KEY"),
				refused("T-25b", DONATIONS + "?api_token=$J&api_key=ME_API_KEY", 401, 403),
				refused("T-26a", DONATIONS + "?api_token=$J&api_key=YOUR_API_KEY&api_key=ME_API_KEY", 400),
				refused("T-26b", DONATIONS + "?api_token=$J&api_key=YOUR_API_KEY&api_key=YOUR_API_KEY", 400),
				refused("T-28", WHOAMI + "\nAuthorization: Bearer a\"b", 400, 401).expect("realm at most once",
						(r) -> r.header("WWW-Authenticate") == null
								|| r.header("WWW-Authenticate").split("realm=", -1).length <= 2),
				refused("T-29", WHOAMI + "\nAuthorization: Bearer $T" + raw("\u0099"), 400),
				refused("T-30a", WHOAMI + "\nX-HTTP-Method-Override: GET", 401),
				refused("T-30b", WHOAMI + "\nX-Original-URL: /api/public/projects", 401),
				refused("T-30c", WHOAMI + "\nX-Rewrite-URL: /api/public/projects", 401),
				refused("T-30d", WHOAMI + "\nX-Forwarded-Prefix: /api/public", 401));
	}

	/** Section 8: "the path has a secure segment", against every disguise. */
	static List<CatalogRow> paths() {
		return List.of(
				refused("P-01", "GET /secure/whoami", 401),
				refused("P-02", "GET /%73ecure/whoami", 400, 401),
				refused("P-03a", "GET /secur%65/whoami", 400, 401),
				refused("P-03b", "GET /%53ecure/whoami", 400, 401, 404),
				refused("P-04a", "GET /secure;x=1/whoami", 400, 401),
				refused("P-04b", "GET /secure;jsessionid=abc/whoami", 400, 401),
				refused("P-04c", "GET /api;/secure/givingservice/donations", 400, 401),
				refused("P-05a", "GET /SECURE/whoami", 401, 404),
				refused("P-05b", "GET /Secure/whoami", 401, 404),
				refused("P-06", "GET /secure", 401),
				refused("P-07a", "GET /secure/", 401),
				refused("P-07b", "GET /secure/whoami/", 401),
				refused("P-09", "GET /./secure/whoami", 400, 401),
				refused("P-10", "GET /api/public/../../secure/whoami", 400, 401),
				refused("P-11", "GET /api/public/..;/../secure/whoami", 400),
				refused("P-12a", "GET /api/public/%2e%2e/../secure/whoami", 400),
				refused("P-12b", "GET /%2e/secure/whoami", 400),
				refused("P-12c", "GET /api/.%2e/secure/whoami", 400),
				refused("P-13a", "GET /secure%2Fwhoami", 400),
				refused("P-13b", "GET /api%2Fsecure%2Fgivingservice%2Fdonations", 400),
				refused("P-15a", "GET /secure%00/whoami", 400),
				refused("P-15b", "GET /secure/whoami%00.json", 400),
				refused("P-16a", "GET /api\\secure\\whoami", 400),
				refused("P-16b", "GET /api%5Csecure%5Cwhoami", 400),
				refused("P-17a", "GET /secure%20/whoami", 302, 400, 401, 404),
				refused("P-17b", "GET /secure./whoami", 302, 400, 401, 404),
				refused("P-17c", "GET /secure%09/whoami", 302, 400, 401, 404),
				refused("P-18a", "GET /%C5%BFecure/whoami", 302, 400, 401, 404),
				refused("P-18b", "GET /%EF%BD%93ecure/whoami", 302, 400, 401, 404),
				refused("P-19", "GET /api%C0%AFsecure%C0%AFwhoami", 400),
				refused("P-20", "GET /api/secure/givingservice/donations", 401),
				refused("P-23", "GET http://127.0.0.1/secure/whoami", 401),
				refused("P-25a", "HEAD /secure/whoami", 401),
				refused("P-25b", "OPTIONS /secure/whoami", 401, 403),
				refused("P-25c", "TRACE /secure/whoami", 400, 405),
				refused("P-26a", "GET /secure/whoami.json", 401),
				refused("P-26b", "GET /secure/whoami.xml", 401));
	}

	/** Section 10: opaque tokens (rows that hold in either token mode). */
	static List<CatalogRow> opaque() {
		return List.of(
				refused("O-03", WHOAMI + "\nAuthorization: Bearer $H", 401),
				refused("O-12a", WHOAMI + "\nAuthorization: Bearer $UPPER", 401),
				refused("O-12b", WHOAMI + "?access_token=%20$T", 400, 401),
				refused("O-12c", WHOAMI + "?access_token=$T%0A", 400, 401),
				refused("O-12d", WHOAMI + "?access_token=$T%3D", 400, 401));
	}

	/** Section 13: headers on what every kind of answer carries (the global checks do the rest). */
	static List<CatalogRow> headers() {
		return List.of(
				serving("H-03", WHOAMI + "\nAuthorization: Bearer $T").expect("Cache-Control: no-store",
						(r) -> String.valueOf(r.header("Cache-Control")).contains("no-store")),
				refused("H-09", WHOAMI + "\nOrigin: https://evil.test\nAuthorization: Bearer 9f8e7d6c5b4a", 401)
					.expect("no Access-Control-Allow-Origin", (r) -> r.header("Access-Control-Allow-Origin") == null),
				issuing("H-09b", DSI + ME + "\nOrigin: https://evil.test")
					.expect("no Access-Control-Allow-Origin", (r) -> r.header("Access-Control-Allow-Origin") == null),
				refused("H-14", DSI + "?callback=a%0D%0AX-Injected:%201\nAuthorization: user me:wrong", 400)
					.expect("no injected header", (r) -> r.header("X-Injected") == null));
	}

	/** Section 14: size limits. */
	static List<CatalogRow> limits() {
		StringBuilder manyHeaders = new StringBuilder(WHOAMI);
		for (int i = 0; i < 120; i++) {
			manyHeaders.append("\nX-Filler-").append(i).append(": 1");
		}
		ByteArrayOutputStream chunks = new ByteArrayOutputStream();
		for (int i = 0; i < 8; i++) {
			chunks.writeBytes(("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		}
		return List.of(
				refused("L-01a", WHOAMI + "\nAuthorization: Bearer tk_" + "x".repeat(16 * 1024), 400, 431),
				refused("L-01b", WHOAMI + "\nAuthorization: Bearer tk_" + "x".repeat(1 << 20), 400, 431),
				refused("L-02", manyHeaders.toString(), 400, 401, 431),
				refused("L-03", "GET /secure/whoami?x=" + "y".repeat(64 * 1024), 400, 414, 431),
				refused("L-05", CREDENTIALS_JSON + "\nContent-Length: " + (10 << 20), 413)
					.body("{\"Username\":\"me\",\"Password\":\"" + "x".repeat(32 * 1024)),
				refused("L-06", CREDENTIALS_JSON + "\nTransfer-Encoding: chunked", 413).bytes(chunks.toByteArray()),
				refused("L-08", CREDENTIALS_JSON, 400, 401)
					.body("{\"Username\":\"me\",\"Password\":\"" + "x".repeat(10_000) + "\"}"),
				refused("L-10", CREDENTIALS_JSON + "\nContent-Encoding: gzip", 400, 415)
					.bytes(new byte[] { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 }),
				refused("L-11", "POST /authentication_credentials\nContent-Type: multipart/form-data; boundary=b", 413, 415)
					.body("--b\r\nContent-Disposition: form-data; name=\"p\"\r\n\r\nx\r\n".repeat(10_000) + "--b--\r\n"));
	}

	/**
	 * Section 9: hostile JWTs (only when the sample issues JWTs). The canary's address goes into the tokens before
	 * they are signed (a placeholder inside base64url would never be replaced).
	 */
	static List<CatalogRow> jwt(JwtForge forge, long now, String canary) {
		byte[] attackerKey = "an attacker's own 32-byte secret".getBytes(StandardCharsets.US_ASCII);
		String claims = forge.claimsText();
		String header = forge.headerText();
		List<CatalogRow> rows = new ArrayList<>();
		rows.add(serving("W-00", WHOAMI + "\nAuthorization: Bearer " + forge.withClaims((c) -> c.put("jti", "control"))));
		rows.add(serving("W-01", WHOAMI + "\nAuthorization: Bearer $T"));
		List<String> nones = List.of("none", "None", "NONE", "nOnE");
		for (int i = 0; i < nones.size(); i++) {
			rows.add(jwtRow("W-03" + (char) ('a' + i), JwtForge.encode(header.replace("HS256", nones.get(i))) + "."
					+ JwtForge.encode(claims) + "."));
		}
		rows.add(jwtRow("W-04", JwtForge.encode(header.replace("HS256", "none")) + "." + JwtForge.encode(claims) + "."
				+ JwtForge.encode("signature")));
		rows.add(jwtRow("W-06a", forge.withHeader((h) -> h.put("alg", "RS256"))));
		rows.add(jwtRow("W-06b", forge.withHeader((h) -> h.put("alg", "ES256"))));
		rows.add(jwtRow("W-06c", forge.withHeader((h) -> h.put("alg", "PS256"))));
		rows.add(jwtRow("W-08", forge.withHeader((h) -> h.put("alg", "hs256"))));
		rows.add(jwtRow("W-10a", "$R="));
		rows.add(jwtRow("W-10b", "$RFLIPPED"));
		rows.add(jwtRow("W-10c", "$T="));
		rows.add(jwtRow("W-10d", "$TFLIPPED"));
		rows.add(jwtRow("W-12", forge.withClaims((c) -> c.put("nbf", now + 3600))));
		rows.add(jwtRow("W-13", forge.withClaims((c) -> c.remove("exp"))));
		rows.add(jwtRow("W-14", forge.withClaims((c) -> c.put("iat", now - 2 * 86_400).put("exp", now + 10L * 365 * 86_400))));
		rows.add(jwtRow("W-15a", forge.withClaims((c) -> c.put("exp", "9999999999"))));
		rows.add(jwtRow("W-15b", forge.withClaims((c) -> c.put("exp", 1e308))));
		rows.add(jwtRow("W-15c", forge.withClaims((c) -> c.put("exp", -1))));
		rows.add(jwtRow("W-15d", forge.withClaims((c) -> c.put("exp", true))));
		rows.add(jwtRow("W-15e", forge.withClaims((c) -> c.put("iat", "yesterday"))));
		rows.add(jwtRow("W-17a", forge.withClaims((c) -> c.put("aud", "another-app"))));
		rows.add(jwtRow("W-17b", forge.withClaims((c) -> c.remove("aud"))));
		rows.add(jwtRow("W-18a", forge.withHeader((h) -> h.put("typ", "JWT"))));
		rows.add(jwtRow("W-18b", forge.withHeader((h) -> h.remove("typ"))));
		rows.add(jwtRow("W-18c", forge.withHeader((h) -> h.put("typ", "refresh+jwt"))));
		rows.add(jwtRow("W-20a", forge.withHeader((h) -> h.put("kid", "../../../../dev/null"))));
		rows.add(jwtRow("W-20b", forge.withHeader((h) -> h.put("kid", "x' UNION SELECT 'k'--"))));
		rows.add(jwtRow("W-20c", forge.withHeader((h) -> h.put("kid", canary + "/k"))));
		rows.add(jwtRow("W-21a", JwtForge.signedText(header.replace("}", ",\"jku\":\"" + canary + "/jwks.json\"}"),
				claims, attackerKey)));
		rows.add(jwtRow("W-21b", JwtForge.signedText(header.replace("}", ",\"x5u\":\"" + canary + "/x5u\"}"),
				claims, attackerKey)));
		rows.add(jwtRow("W-22", JwtForge.signedText(header.replace("}", ",\"jwk\":{\"kty\":\"oct\",\"k\":\""
				+ JwtForge.encode(attackerKey) + "\"}}"), claims, attackerKey)));
		rows.add(jwtRow("W-23", JwtForge.encode("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}") + ".." + JwtForge.encode("iv")
				+ "." + JwtForge.encode("ciphertext") + "." + JwtForge.encode("tag")));
		rows.add(jwtRow("W-24", "{\"payload\":\"" + JwtForge.encode(claims) + "\",\"signatures\":[]}"));
		rows.add(jwtRow("W-25", forge.withHeader((h) -> h.putArray("crit").add("x-custom"))));
		rows.add(jwtRow("W-26", forge.withHeader((h) -> h.put("b64", false).putArray("crit").add("b64"))));
		// 4 MiB of claims in about 4 KiB of DEFLATE: about as much as a token under the 8 KiB length cap can carry
		rows.add(jwtRow("W-27a", forge.compressedBomb(4 << 20, attackerKey)));
		rows.add(jwtRow("W-27b", forge.compressedBomb(4 << 20)));
		rows.add(jwtRow("W-28a", JwtForge.signedText(header.replace("}", ",\"alg\":\"none\"}"), claims, attackerKey)));
		rows.add(jwtRow("W-28b", JwtForge.signedText(header, claims.replace("}", ",\"sub\":\"admin\"}"), attackerKey)));
		rows.add(jwtRow("W-29", JwtForge.encode(header.getBytes(StandardCharsets.UTF_16LE)) + "."
				+ JwtForge.encode(claims.getBytes(StandardCharsets.UTF_16LE)) + "." + JwtForge.encode("sig")));
		rows.add(refused("W-30", WHOAMI + "\nAuthorization: Bearer " + forge.withClaims((c) -> c.put("pad",
				"x".repeat(64 * 1024))), 400, 401, 431));
		return rows;
	}

	private static CatalogRow jwtRow(String id, String token) {
		return refused(id, WHOAMI + "\nAuthorization: Bearer " + token, 400, 401).expect("invalid_token on a 401",
				(r) -> r.status() != 401 || r.header("WWW-Authenticate").contains("error=\"invalid_token\""));
	}

	private static String ggJson(String email, String password, String apiKey) {
		return ggJsonRaw(email, "\"" + password + "\"", apiKey);
	}

	private static String ggJsonRaw(String email, String passwordJson, String apiKey) {
		return "{\"auth_request\":{\"user\":{\"email\":\"" + email + "\",\"password\":" + passwordJson
				+ "},\"api_key\":\"" + apiKey + "\"}}";
	}

	private static String ggXml(String email, String password, @Nullable String apiKey) {
		return "<auth_request><user><email>" + email + "</email><password>" + password + "</password></user>"
				+ ((apiKey != null) ? "<api_key>" + apiKey + "</api_key>" : "<api_key>YOUR_API_KEY</api_key>")
				+ "</auth_request>";
	}

	/** Ten entities, each ten references to the one before: a billion laughs if expanded. */
	private static String billionLaughs() {
		StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE Credentials [<!ENTITY l0 \"ha\">");
		for (int i = 1; i < 10; i++) {
			dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
		}
		return dtd.append("]><Credentials><Username>&l9;</Username><Password>x</Password></Credentials>").toString();
	}

	private static String attributes(int count) {
		StringBuilder attributes = new StringBuilder();
		for (int i = 0; i < count; i++) {
			attributes.append(" a").append(i).append("=\"1\"");
		}
		return attributes.toString();
	}

	/** The text whose ISO-8859-1 bytes (as {@link RawHttp} writes header lines) are this text's UTF-8 bytes. */
	static String raw(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	private static byte[] concat(String before, byte[] middle, String after) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(middle);
		bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return bytes.toByteArray();
	}

}
