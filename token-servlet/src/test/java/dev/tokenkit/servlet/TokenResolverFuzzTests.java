package dev.tokenkit.servlet;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.tokenkit.servlet.error.TokenKitHttpException;
import dev.tokenkit.servlet.testing.TestRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link TokenResolver}: an {@code Authorization} header of any scheme ({@code Bearer} and {@code token}
 * carry a token) and a raw query string that may carry {@code api_token} or {@code access_token}.
 *
 * <p>Properties: {@link TokenResolver#isB64Token} accepts exactly RFC 6750's {@code b64token} grammar, checked against
 * a regular expression of it; the resolver answers a {@code 400} or {@code 401} {@link TokenKitHttpException} and
 * nothing else, or no token, or the one token sent: a query parameter's value, or else the header's credentials, then
 * a {@code b64token}.
 */
class TokenResolverFuzzTests {

	private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

	private final TokenResolver resolver = new TokenResolver();

	@FuzzTest
	void resolveWhenAnyHeaderAndQueryThenOneTokenAsSentOrClientError(FuzzedDataProvider data) {
		String query = data.consumeString(256);
		String header = data.consumeRemainingAsString();
		String afterScheme = header.substring(header.indexOf(' ') + 1);
		assertThat(TokenResolver.isB64Token(afterScheme)).isEqualTo(B64TOKEN.matcher(afterScheme).matches());
		String token;
		try {
			token = this.resolver.resolve(TestRequests.of("GET", query, Map.of("Authorization", header), new byte[0]));
		}
		catch (TokenKitHttpException ex) {
			assertThat(ex.status()).isIn(400, 401);
			return;
		}
		if (token == null) {
			return;
		}
		QueryParameters parameters = QueryParameters.parse(query);
		String fromQuery = Stream.of(parameters.single("api_token"), parameters.single("access_token"))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		if (fromQuery != null) {
			assertThat(token).isEqualTo(fromQuery).isNotEmpty();
		}
		else {
			assertThat(token).matches(B64TOKEN);
			assertThat(header.strip()).endsWith(" " + token);
		}
	}

}
