package dev.tokenkit.servlet;

import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TestServer;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Internal dispatches to secure paths (forward, include, error page) are guarded like requests. */
class DispatchTests {

	private final TestServer server = new TestServer().start();

	private final RawHttp http = this.server.http();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void forwardWhenToSecurePathWithoutTokenThen401AndHandlerNotCalled() {
		RawHttp.Response response = this.http.get("/dispatch/x?forward=/api/secure/x");
		assertThat(response.status()).isEqualTo(401);
		assertThat(this.server.secureHandlerCalls).hasValue(0);
	}

	@Test
	void includeWhenOfSecurePathWithoutTokenThenHandlerNotCalled() {
		RawHttp.Response response = this.http.get("/dispatch/x?include=/api/secure/x");
		assertThat(response.body()).doesNotContain("user=");
		assertThat(this.server.secureHandlerCalls).hasValue(0);
	}

	@Test
	void errorPageWhenOnSecurePathWithoutTokenThenHandlerNotCalled() {
		RawHttp.Response response = this.http.get("/dispatch/x");
		assertThat(response.status()).isIn(401, 409);
		assertThat(this.server.secureHandlerCalls).hasValue(0);
	}

	@Test
	void forwardWhenAuthenticatedRequestThenHandlerSeesUserOnce() {
		String token = TokenAnswers.token(this.http.get("/authentication_token", "Authorization: user me:my_password"),
				TokenAnswers.DSI_JSON, "application/json");
		RawHttp.Response response = this.http.get("/dispatch/x?forward=/api/secure/x&access_token=" + token);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).startsWith("user=me");
		assertThat(this.server.secureHandlerCalls).hasValue(1);
	}

}
