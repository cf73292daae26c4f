package dev.tokenkit.servlet;

import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path tricks sent raw to Jetty: every variant of a secure path is either authenticated by the filter ({@code 401}
 * without a token) or refused by the container ({@code 400}, {@code 404}); none reaches a handler without a token.
 */
class SecurePathTests {

	private static TestServer server;

	@BeforeAll
	static void start() {
		server = new TestServer().start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/secure/x", "/api/SECURE/x", "/api/Secure/x", "/api/secure;a=b/x", "/api;/secure/x",
			"/api/secure;jsessionid=abc/x", "/api/./secure/x", "/api/x/../secure/y", "//api//secure/x", "/api/secure",
			"/api/secure/", "/api/%73ecure/x", "/api/secur%65/x", "/api/%53ECURE/x", "/api/public/..;/secure/x",
			"/api/public/%2e%2e/secure/x", "/api/%2e/secure/x", "/api/.%2e/secure/x", "/api/secure%2Fx",
			"/api%2Fsecure%2Fx", "/api/secure%00/x", "/api\\secure\\x", "/api%5Csecure%5Cx", "/api/secure/x.json",
			"/api/secure/x.xml", "/secure/whoami", "/api/x/..%2Fsecure/y", "/api%C0%AFsecure%C0%AFx",
			"/api/secure/%2e%2e/x", "/public/../api/secure/x", "http://127.0.0.1/api/secure/x" })
	void requestWhenSecurePathVariantWithoutTokenThenNeverServed(String path) {
		int before = server.secureHandlerCalls.get();
		RawHttp.Response response = server.http().get(path);
		assertThat(response.status()).as("%s answered %s", path, response).isIn(400, 401, 404);
		assertThat(server.secureHandlerCalls.get()).as("handler calls for %s", path).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/insecure/x", "/api/secured/x", "/api/securex/y", "/public/x", "/api/x%20secure/y" })
	void requestWhenNoSecureSegmentThenServedWithoutToken(String path) {
		RawHttp.Response response = server.http().get(path);
		assertThat(response.status()).as("%s answered %s", path, response).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH" })
	void requestWhenAnyMethodOnSecurePathWithoutTokenThen401(String method) {
		int before = server.secureHandlerCalls.get();
		RawHttp.Response response = server.http().send(method + " /api/secure/x HTTP/1.1", java.util.List.of(),
				new byte[0]);
		assertThat(response.status()).isEqualTo(401);
		assertThat(server.secureHandlerCalls.get()).isEqualTo(before);
	}

}
