package dev.tokenkit.servlet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.tokenkit.core.account.InMemoryAccountRepository;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The JWK Set and the authorization server metadata over real HTTP on Jetty. */
class JwkSetAndMetadataEndpointTests {

	private static final String JWKS = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
			+ "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\",\"kid\":\"k1\",\"alg\":\"EdDSA\",\"use\":\"sig\"}]}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TestServer server;

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void jwkSetWhenGetThenTheSetCacheableForMaxAge() {
		JwkSetEndpoint jwks = new JwkSetEndpoint(JWKS);
		this.server = new TestServer().serve(jwks).start();
		RawHttp.Response response = this.server.http().get("/.well-known/jwks.json");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(JWKS);
		assertThat(response.header("Content-Type")).isEqualTo("application/jwk-set+json");
		assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=300");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		jwks.setMaxAge(Duration.ZERO);
		assertThat(this.server.http().get("/.well-known/jwks.json").header("Cache-Control")).isEqualTo("no-cache");
	}

	@Test
	void jwkSetWhenNotGetOrPathParametersThenRefused() {
		this.server = new TestServer().serve(new JwkSetEndpoint(JWKS)).start();
		RawHttp.Response post = this.server.http().post("/.well-known/jwks.json", "{}",
				"Content-Type: application/json");
		assertThat(post.status()).isEqualTo(405);
		assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
		assertThat(post.body()).startsWith("{\"error\":\"method_not_allowed\"").doesNotContain("keys");
		assertThat(this.server.http().get("/.well-known/jwks.json;x=1").status()).isEqualTo(400);
	}

	@Test
	@SuppressWarnings("unchecked") // a JSON object is a map of names
	void metadataWhenServedThenAbsoluteUrlsOfTheEndpointsAndTheIssuer() throws IOException, InterruptedException {
		JwkSetEndpoint jwks = new JwkSetEndpoint(JWKS);
		IntrospectionEndpoint introspection = new IntrospectionEndpoint(new TestServer().tokenService,
				new PasswordAuthenticator(new InMemoryAccountRepository()));
		AuthorizationServerMetadataEndpoint metadata = new AuthorizationServerMetadataEndpoint();
		metadata.setJwkSet(jwks);
		metadata.setIntrospection(introspection);
		this.server = TestServer.atContextPath("/app").serve(jwks).serve(introspection).serve(metadata).start();
		String base = "http://127.0.0.1:" + this.server.port() + "/app";
		HttpResponse<String> response = get(base + "/.well-known/oauth-authorization-server");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).isEqualToIgnoringCase("application/json;charset=UTF-8"));
		assertThat(JSON.readValue(response.body(), Map.class)).isEqualTo(Map.of("issuer", base, "jwks_uri",
				base + "/.well-known/jwks.json", "introspection_endpoint", base + "/oauth2/introspect",
				"introspection_endpoint_auth_methods_supported", List.of("client_secret_basic")));
		metadata.setIssuer("tokenkit-test");
		metadata.setBaseUrl("https://auth.example.test/app/");
		metadata.setIntrospection(null);
		assertThat(JSON.readValue(get(base + "/.well-known/oauth-authorization-server").body(), Map.class)).isEqualTo(Map.of("issuer", "tokenkit-test", "jwks_uri",
						"https://auth.example.test/app/.well-known/jwks.json"));
	}

	/** A GET as an HTTP client sends it, with the port in its Host header. */
	private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
