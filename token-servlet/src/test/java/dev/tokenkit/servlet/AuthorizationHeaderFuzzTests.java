package dev.tokenkit.servlet;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.servlet.testing.CheckedCredentials;
import dev.tokenkit.servlet.testing.TestRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the DSI {@code Authorization} header ({@code user NAME:PASSWORD}, or {@code Basic}) as
 * {@link DsiCredentialsReader#fromGet} reads it through {@link AuthorizationHeader}. The header comes either as raw
 * bytes that the container handed over as ISO-8859-1 characters, or as any UTF-16 text; for a JSONP answer or not.
 *
 * <p>Property: the reader refuses with {@code 400} or {@code 401} and nothing else, or returns credentials that passed
 * every check ({@link CheckedCredentials}); from the {@code user} scheme they are exactly the header's text after the
 * scheme and its spaces, split at the first colon.
 */
class AuthorizationHeaderFuzzTests {

	private final DsiCredentialsReader reader = new DsiCredentialsReader();

	@FuzzTest
	void fromGetWhenAnyAuthorizationHeaderThenCheckedCredentialsOrClientError(FuzzedDataProvider data) {
		boolean jsonp = data.consumeBoolean();
		String header = data.consumeBoolean() ? data.consumeRemainingAsString()
				: new String(data.consumeRemainingAsBytes(), StandardCharsets.ISO_8859_1);
		Credentials credentials = CheckedCredentials.read(() -> this.reader.fromGet(
				TestRequests.of("GET", null, Map.of("Authorization", header), new byte[0]), QueryParameters.parse(null),
				jsonp), false, 400, 401);
		if (credentials == null) {
			return;
		}
		assertThat(credentials.login()).doesNotContain(":");
		String value = TextRules.headerAsUtf8(header.strip());
		if (value.regionMatches(true, 0, "user ", 0, 5)) {
			assertThat(value).matches("(?si)user +" + Pattern.quote(credentials.login() + ":" + credentials.password()));
		}
	}

}
