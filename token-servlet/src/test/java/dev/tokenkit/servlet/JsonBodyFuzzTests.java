package dev.tokenkit.servlet;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import dev.tokenkit.servlet.error.TokenKitHttpException;
import dev.tokenkit.servlet.testing.CheckedCredentials;
import dev.tokenkit.servlet.testing.TestRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes JSON request bodies as both dialects read them with {@code Content-Type: application/json}: DSI's
 * {@code POST /authentication_credentials} ({@code {"Username":..,"Password":..}}, {@link JsonBodyParser#strict()})
 * and GlobalGiving's {@code auth_request} ({@code {"auth_request":{"user":{"email":..,"password":..},"api_key":..}}},
 * {@link JsonBodyParser#allowingSingleQuotes()}), each through its credential reader.
 *
 * <p>Properties: the DSI reader refuses with {@code 400} (or {@code 401} for a blank body, which asks for credentials)
 * and the GlobalGiving reader with {@code 400}, and nothing else escapes; whatever they accept passed every check
 * ({@link CheckedCredentials}). The strict parser accepts nothing the lenient one refuses, and both read it alike.
 */
class JsonBodyFuzzTests {

	private final DsiCredentialsReader dsi = new DsiCredentialsReader();

	private final GlobalGivingCredentialsReader globalGiving = new GlobalGivingCredentialsReader();

	private final JsonBodyParser strict = JsonBodyParser.strict();

	private final JsonBodyParser lenient = JsonBodyParser.allowingSingleQuotes();

	@FuzzTest
	void readWhenAnyJsonBodyThenCheckedCredentialsOrClientError(byte[] body) {
		CheckedCredentials.read(() -> this.dsi.fromPost(request(body), QueryParameters.parse(null), false),
				false, 400, 401);
		CheckedCredentials.read(() -> {
			GlobalGivingCredentialsReader.Read read = this.globalGiving.read(request(body));
			assertThat(read.bodyFormat()).isEqualTo(ContentType.JSON);
			return read.credentials();
		}, true, 400);
		String text = new String(body, StandardCharsets.UTF_8);
		JsonNode tree;
		try {
			tree = this.strict.parseObject(text);
		}
		catch (TokenKitHttpException ex) {
			return;
		}
		assertThat(this.lenient.parseObject(text)).isEqualTo(tree);
	}

	private static HttpServletRequest request(byte[] body) {
		return TestRequests.of("POST", null, Map.of("Content-Type", "application/json"), body);
	}

}
