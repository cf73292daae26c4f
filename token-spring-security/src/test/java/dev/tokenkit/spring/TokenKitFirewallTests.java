package dev.tokenkit.spring;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;

import static org.assertj.core.api.Assertions.assertThat;

class TokenKitFirewallTests {

	private final Predicate<String> allowed = TokenKitFirewall.allowedHeaderValues();

	/** The characters a container hands over for the UTF-8 bytes of the text. */
	private static String asSent(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	@Test
	void allowedHeaderValuesWhenUtf8LettersThenAllowedAlthoughTheirBytesReadAsControls() {
		String value = asSent("user umlaut:pässwörd-Ünï-42");
		assertThat(value).contains("\u009c");

		assertThat(this.allowed).accepts(value, "user me:my_password", "Bearer tk_abc", "text\twith tab");
	}

	@Test
	void allowedHeaderValuesWhenControlOrInvisibleCharactersHoweverWrittenThenRefused() {
		assertThat(this.allowed).rejects("user me:pw\u0000x", "user me:pw\u007fx", "user me:pw\u0085x",
				asSent("user me:pw\u0085x"), asSent("user me:pw\u2028x"), asSent("user me:pw\u202ex"),
				asSent("user me:pw\u200bx"), asSent("user me:pw\ue000x"), "\u0100\u0000");
	}

	@Test
	void allowedHeaderValuesWhenUtf8InAnotherHeaderThenCheckedAsByDefault() {
		// "Å" in UTF-8 is C3 85: read as ISO-8859-1, a NEL control would reach the app
		assertThat(this.allowed).rejects(asSent("Mozilla Å"), asSent("Bearer Å"), asSent("Basic Å"));
		assertThat(this.allowed).accepts(asSent("user Ålice:pw"), asSent("USER Ålice:pw"));
	}

	@Test
	void rejectedRequestsWhenCalledThenFixedBadRequestWithTokenKitHeaders() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		TokenKitFirewall.rejectedRequests().handle(new MockHttpServletRequest(), response,
				new RequestRejectedException("The request was rejected because the header value \"user me:secret\""));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getContentType()).isEqualTo("text/plain;charset=UTF-8");
		assertThat(response.getContentAsString()).isEqualTo("Bad request\n");
	}

}
