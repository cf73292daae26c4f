package dev.tokenkit.spring;

import java.time.Duration;
import java.util.List;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.observation.MicrometerTokenObservers;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureCredentialsExpiredEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** tokenkit in an app's existing chain (form login, CSRF, method security), through MockMvc with springSecurity(). */
@SpringJUnitWebConfig(TestApp.class)
class TokenKitConfigurerTests {

	private static final String GG_JSON = "{'auth_request':{'user':{'email':'John_Doe@hotmail.com',"
			+ "'password':'somepassword'}, 'api_key':'YOUR_API_KEY'}}";

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private MutableClock clock;

	@Autowired
	private TestApp.AuditEvents audit;

	@Autowired
	private TestApp.RevocationEvents revocations;

	@Autowired
	private TestObservationRegistry observations;

	@Autowired
	private TokenService tokenService;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.audit.events.clear();
		this.revocations.events.clear();
	}

	private MvcResult perform(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn();
	}

	private RawHttp.Response call(RequestBuilder request) throws Exception {
		return MockMvcResponses.of(perform(request).getResponse());
	}

	private String token(String user, String password) throws Exception {
		return TokenAnswers.token(call(get("/authentication_token").header("Authorization", "user " + user + ":" + password)),
				TokenAnswers.DSI_JSON, "application/json");
	}

	@Test
	void browserRequestWhenNotLoggedInThenStillRedirectsToLogin() throws Exception {
		MockHttpServletResponse response = perform(get("/account").accept("text/html")).getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void formLoginWhenCsrfTokenThenLoggedInAndWithoutItRefused() throws Exception {
		MockHttpServletResponse withCsrf = perform(post("/login").with(csrf()).param("username", "me")
			.param("password", "my_password")).getResponse();
		assertThat(withCsrf.getStatus()).isEqualTo(302);
		assertThat(withCsrf.getRedirectedUrl()).isEqualTo("/");
		MockHttpServletResponse withoutCsrf = perform(post("/login").param("username", "me")
			.param("password", "my_password")).getResponse();
		assertThat(withoutCsrf.getStatus()).isEqualTo(403);
	}

	@Test
	void tokenEndpointsWhenNoCsrfTokenThenAnswerEveryFormat() throws Exception {
		TokenAnswers.token(call(get("/authentication_token.xml?username=me&password=my_password")),
				TokenAnswers.DSI_XML, "application/xml");
		TokenAnswers.token(call(get("/authentication_token.csv").header("Authorization", "user me:my_password")),
				TokenAnswers.DSI_CSV, "text/csv");
		TokenAnswers.token(call(get("/authentication_token?username=me&password=my_password&callback=cb")),
				TokenAnswers.jsonp("cb"), "application/javascript");
		TokenAnswers.token(call(post("/authentication_credentials").contentType("application/json")
			.content("{\"Username\":\"me\",\"Password\":\"my_password\"}")), TokenAnswers.DSI_JSON, "application/json");
		TokenAnswers.token(call(post("/api/userservice/tokens").contentType("application/json")
			.accept("application/xml")
			.content(GG_JSON)), TokenAnswers.GG_XML, "application/xml");
		TokenAnswers.token(call(post("/api/userservice/tokens").contentType("application/json").content(GG_JSON)),
				TokenAnswers.GG_JSON, "application/json");
	}

	/** Near misses of the DSI paths are tokenkit's 404, never the app's login redirect or a CSRF refusal. */
	@Test
	void tokenEndpointsWhenUnknownSuffixThen404AndNoToken() throws Exception {
		for (String path : List.of("/authentication_token.exe", "/authentication_token.json.xml",
				"/authentication_token.html", "/authentication_token.JSON")) {
			TokenAnswers.jsonError(call(get(path + "?username=me&password=my_password")), 404, "not_found");
		}
		TokenAnswers.jsonError(call(post("/authentication_credentials.html").contentType("application/json")
			.content("{\"Username\":\"me\",\"Password\":\"my_password\"}")), 404, "not_found");
	}

	@Test
	void tokenEndpointsWhenWrongCredentialsThenSameErrorBodiesAsServlet() throws Exception {
		RawHttp.Response json = call(get("/authentication_token?username=me&password=wrong"));
		assertThat(json.status()).isEqualTo(401);
		assertThat(json.body()).isEqualTo(TokenAnswers.INVALID_CREDENTIALS_JSON);
		assertThat(json.header("WWW-Authenticate")).isEqualTo("user realm=\"tokenkit\"");
		RawHttp.Response xml = call(get("/authentication_token.xml?username=nobody&password=x"));
		assertThat(xml.body()).isEqualTo(TokenAnswers.INVALID_CREDENTIALS_XML);
		RawHttp.Response disabled = call(get("/authentication_token?username=dave&password=dave-password"));
		assertThat(disabled.body()).isEqualTo(TokenAnswers.INVALID_CREDENTIALS_JSON);
		RawHttp.Response wrongKey = call(post("/api/userservice/tokens").contentType("application/json")
			.content(GG_JSON.replace("YOUR_API_KEY", "OTHER")));
		assertThat(wrongKey.body()).isEqualTo(TokenAnswers.INVALID_CREDENTIALS_JSON);
		TokenAnswers.error(call(post("/authentication_credentials").contentType("text/plain").content("x")), 415,
				"application/json");
		TokenAnswers.error(call(get("/authentication_token?username=me").header("Accept", "application/xml")), 400,
				"application/xml");
		TokenAnswers.error(call(get("/authentication_token?username=me&password=x").header("Accept", "text/html")), 406,
				"application/json");
		TokenAnswers.error(call(post("/api/userservice/tokens").contentType("application/xml")
			.content("<auth_request>" + "x".repeat(17_000) + "</auth_request>")), 413, "application/xml");
		RawHttp.Response csv = call(get("/authentication_token.csv?username=me&password=wrong"));
		assertThat(csv.body()).isEqualTo("401,invalid_credentials,Invalid credentials");
	}

	@Test
	void tokenEndpointsWhenXmlBodiesThenSameShapesAsServlet() throws Exception {
		TokenAnswers.token(call(post("/authentication_credentials.xml").contentType("application/xml")
			.content("<Credentials xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><Username>me</Username>"
					+ "<Password>my_password</Password></Credentials>")), TokenAnswers.DSI_XML, "application/xml");
		TokenAnswers.token(call(post("/api/userservice/tokens").contentType("application/xml")
			.content("<auth_request><user><email>John_Doe@hotmail.com</email><password><![CDATA[somepassword]]>"
					+ "</password></user><api_key>YOUR_API_KEY</api_key></auth_request>")), TokenAnswers.GG_XML,
				"application/xml");
	}

	@Test
	void secureCallWhenTokenThenPrincipalAndAuthoritiesFromToken() throws Exception {
		String token = token("me", "my_password");
		RawHttp.Response response = call(get("/secure/whoami").header("Authorization", "Bearer " + token));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("me [ROLE_USER]");
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(call(get("/secure/whoami?access_token=" + token)).body()).isEqualTo("me [ROLE_USER]");
	}

	@Test
	void secureCallWhenNoOrBadTokenThenTokenKit401NotRedirect() throws Exception {
		RawHttp.Response missing = call(get("/secure/whoami").accept("text/html"));
		TokenAnswers.jsonError(missing, 401, "missing_token");
		assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tokenkit\"");
		RawHttp.Response bad = call(get("/secure/whoami").header("Authorization", "Bearer tk_nonsense"));
		TokenAnswers.jsonError(bad, 401, "invalid_token");
		RawHttp.Response xml = call(get("/api/secure/donations").accept("application/xml"));
		TokenAnswers.error(xml, 401, "application/xml");
	}

	@Test
	void secureCallWhenIdleLongerThanPolicyThen401() throws Exception {
		String token = token("me", "my_password");
		this.clock.advance(Duration.ofMinutes(30).plusSeconds(1));
		TokenAnswers.jsonError(call(get("/secure/whoami").header("Authorization", "Bearer " + token)), 401,
				"invalid_token");
	}

	@Test
	void logoutWhenDeleteWithoutCsrfThenTokenRevoked() throws Exception {
		String token = token("me", "my_password");
		assertThat(perform(delete("/authentication_token").header("Authorization", "Bearer " + token)).getResponse()
			.getStatus()).isEqualTo(204);
		TokenAnswers.jsonError(call(get("/secure/whoami").header("Authorization", "Bearer " + token)), 401,
				"invalid_token");
	}

	@Test
	void methodSecurityWhenTokenAuthoritiesAllowThenOkElseTokenKit403() throws Exception {
		String admin = token("admin", "admin-password");
		String me = token("me", "my_password");
		assertThat(call(get("/api/secure/reports").header("Authorization", "Bearer " + admin)).body())
			.isEqualTo("reports");
		RawHttp.Response denied = call(get("/api/secure/reports").header("Authorization", "Bearer " + me));
		TokenAnswers.jsonError(denied, 403, "insufficient_scope");
		assertThat(denied.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tokenkit\", error=\"insufficient_scope\"");
		String donor = TokenAnswers.token(call(post("/api/userservice/tokens").contentType("application/json")
			.content(GG_JSON)), TokenAnswers.GG_JSON, "application/json");
		assertThat(call(get("/api/secure/donations").header("Authorization", "Bearer " + donor)).status()).isEqualTo(200);
		assertThat(call(get("/api/secure/donations").header("Authorization", "Bearer " + me)).status()).isEqualTo(403);
	}

	@Test
	void authorizeHttpRequestsWhenRuleOnTokenAuthorityThenApplied() throws Exception {
		assertThat(call(get("/api/secure/admin/stats").header("Authorization", "Bearer " + token("admin",
				"admin-password"))).body()).isEqualTo("stats");
		TokenAnswers.jsonError(call(get("/api/secure/admin/stats").header("Authorization",
				"Bearer " + token("me", "my_password"))), 403, "insufficient_scope");
	}

	@Test
	void tokenRequestsWhenServedThenNoSessionAndNoCookie() throws Exception {
		String token = token("me", "my_password");
		for (RequestBuilder request : new RequestBuilder[] { get("/authentication_token?username=me&password=my_password"),
				get("/secure/whoami").header("Authorization", "Bearer " + token), get("/secure/whoami"),
				post("/api/userservice/tokens").contentType("application/json").content(GG_JSON) }) {
			MvcResult result = perform(request);
			assertThat(result.getRequest().getSession(false)).isNull();
			assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
		}
	}

	@Test
	void eventsWhenTokenLoginAndBadTokenThenAuditListenerHearsBoth() throws Exception {
		token("me", "my_password");
		call(get("/secure/whoami").header("Authorization", "Bearer tk_nonsense"));
		assertThat(this.audit.events).anyMatch((event) -> event instanceof AuthenticationSuccessEvent
				&& event.getAuthentication().getName().equals("me"));
		assertThat(this.audit.events).anyMatch(AbstractAuthenticationFailureEvent.class::isInstance);
	}

	@Test
	void eventsWhenTokenUsedThenSuccessOfItsAuthenticationAndWhenExpiredThenCredentialsExpiredFailure()
			throws Exception {
		String token = token("me", "my_password");
		this.audit.events.clear();
		assertThat(call(get("/secure/whoami").header("Authorization", "Bearer " + token)).status()).isEqualTo(200);
		assertThat(this.audit.events).singleElement()
			.isInstanceOfSatisfying(AuthenticationSuccessEvent.class,
					(event) -> assertThat(event.getAuthentication()).isInstanceOf(TokenAuthentication.class)
						.extracting(Authentication::getName)
						.isEqualTo("me"));
		this.audit.events.clear();
		this.clock.advance(Duration.ofHours(25));
		assertThat(call(get("/secure/whoami").header("Authorization", "Bearer " + token)).status()).isEqualTo(401);
		assertThat(this.audit.events).singleElement()
			.isInstanceOfSatisfying(AuthenticationFailureCredentialsExpiredEvent.class,
					(event) -> assertThat(event.getAuthentication().getName()).isEqualTo("access-token"));
	}

	@Test
	void observationsWhenTokenObserversBeanThenIssuesAndChecksObservedThroughTheChain() throws Exception {
		this.observations.clear();
		String token = token("me", "my_password");
		call(get("/secure/whoami").header("Authorization", "Bearer " + token));
		call(get("/secure/whoami").header("Authorization", "Bearer tk_nonsense"));
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasNumberOfObservationsWithNameEqualTo(MicrometerTokenObservers.ISSUES, 1)
			.hasNumberOfObservationsWithNameEqualTo(MicrometerTokenObservers.CHECKS, 2)
			.hasAnObservation((observation) -> observation.hasNameEqualTo(MicrometerTokenObservers.CHECKS)
				.hasLowCardinalityKeyValue("reason", "malformed"))
			.hasAnObservation((observation) -> observation.hasNameEqualTo(MicrometerTokenObservers.ISSUES)
				.hasLowCardinalityKeyValue("dialect", "dsi")
				.hasLowCardinalityKeyValue("outcome", "success"));
	}

	@Test
	void eventsWhenLogoutAndRevokeAllThenTheirOwnRevocationEvents() throws Exception {
		String token = token("me", "my_password");
		assertThat(call(delete("/authentication_token").header("Authorization", "Bearer " + token)).status())
			.isEqualTo(204);
		this.tokenService.revokeAll("me");
		assertThat(this.revocations.events).hasSize(2);
		assertThat(this.revocations.events.get(0)).isInstanceOf(TokenRevokedEvent.class)
			.extracting(TokenRevocationEvent::getAccountId)
			.isEqualTo("me");
		assertThat(this.revocations.events.get(1)).isInstanceOf(AllTokensRevokedEvent.class)
			.extracting(TokenRevocationEvent::getAccountId)
			.isEqualTo("me");
		assertThat(this.revocations.events.get(1).getInstant()).isEqualTo(this.clock.instant());
	}

	@Test
	void eventsWhenNoTokenAtAllThenNoFailureEvent() throws Exception {
		call(get("/secure/whoami"));
		assertThat(this.audit.events).isEmpty();
	}

	@Test
	void eventsWhenRightPasswordWrongApiKeyThenFailureEventAfterManagersSuccess() throws Exception {
		call(post("/api/userservice/tokens").contentType("application/json")
			.content(GG_JSON.replace("YOUR_API_KEY", "OTHER")));
		assertThat(this.audit.events.get(this.audit.events.size() - 1))
			.isInstanceOf(AbstractAuthenticationFailureEvent.class);
	}

	@Test
	void publicPageWhenNoTokenThenServed() throws Exception {
		assertThat(perform(get("/")).getResponse().getContentAsString()).isEqualTo("home");
	}

}
