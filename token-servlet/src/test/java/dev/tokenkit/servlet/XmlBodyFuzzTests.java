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
 * Fuzzes XML request bodies as both dialects read them with {@code Content-Type: application/xml}: DSI's
 * {@code POST /authentication_credentials} ({@code <Credentials><Username>..</Username><Password>..</Password>}) and
 * GlobalGiving's {@code <auth_request><user><email>..</email><password>..</password></user><api_key>..}, each
 * through its credential reader and {@link XmlBodyParser}. Jazzer's sanitizers watch the run too: a network
 * connection, such as an external entity being fetched, is a finding of its own.
 *
 * <p>Properties: the DSI reader refuses with {@code 400} (or {@code 401} for a blank body, which asks for credentials)
 * and the GlobalGiving reader with {@code 400}, and nothing else escapes; whatever they accept passed every check
 * ({@link CheckedCredentials}). A document the parser accepts has a named root and is a tree of texts at most 8
 * elements deep.
 */
class XmlBodyFuzzTests {

	private final DsiCredentialsReader dsi = new DsiCredentialsReader();

	private final GlobalGivingCredentialsReader globalGiving = new GlobalGivingCredentialsReader();

	private final XmlBodyParser parser = new XmlBodyParser();

	@FuzzTest
	void readWhenAnyXmlBodyThenCheckedCredentialsOrClientError(byte[] body) {
		CheckedCredentials.read(() -> this.dsi.fromPost(request(body), QueryParameters.parse(null), false),
				false, 400, 401);
		CheckedCredentials.read(() -> {
			GlobalGivingCredentialsReader.Read read = this.globalGiving.read(request(body));
			assertThat(read.bodyFormat()).isEqualTo(ContentType.XML);
			return read.credentials();
		}, true, 400);
		XmlDocument document;
		try {
			document = this.parser.parse(new String(body, StandardCharsets.UTF_8));
		}
		catch (TokenKitHttpException ex) {
			return;
		}
		assertThat(document.rootName()).isNotEmpty();
		assertThat(depth(document.content())).isLessThanOrEqualTo(8);
	}

	/** How many elements deep a node is, counting the element that holds it: a text is one element. */
	private static int depth(JsonNode node) {
		if (node.isString()) {
			return 1;
		}
		assertThat(node.isObject()).as("an element holds texts or elements").isTrue();
		return 1 + node.values().stream().mapToInt(XmlBodyFuzzTests::depth).max().orElseThrow();
	}

	private static HttpServletRequest request(byte[] body) {
		return TestRequests.of("POST", null, Map.of("Content-Type", "application/xml"), body);
	}

}
