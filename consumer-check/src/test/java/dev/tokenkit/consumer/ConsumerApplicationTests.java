package dev.tokenkit.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the app, issues a token over HTTP and passes a secure request with it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsumerApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void tokenWhenIssuedForTheAppsOwnUserThenASecureRequestPasses() throws Exception {
		HttpResponse<String> issued = get("/authentication_token?username=consumer&password=consumer-password", null);
		assertThat(issued.statusCode()).isEqualTo(200);
		Matcher token = Pattern.compile("\"(tk_[A-Za-z0-9_-]+)\"").matcher(issued.body());
		assertThat(token.find()).as(issued.body()).isTrue();

		HttpResponse<String> secure = get("/secure/hello", "Bearer " + token.group(1));
		assertThat(secure.statusCode()).isEqualTo(200);
		assertThat(secure.body()).isEqualTo("hello consumer");
		assertThat(get("/secure/hello", null).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
