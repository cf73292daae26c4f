package dev.tokenkit.benchmarks;

import java.io.IOException;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import dev.tokenkit.core.account.Account;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** What several benchmarks share. */
final class Fixtures {

	private Fixtures() {
	}

	/** A request through a filter (or a whole chain) to the handler, answered in a new response. */
	static MockHttpServletResponse through(Filter filter, HttpServletRequest request, FilterChain handler)
			throws IOException, ServletException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, handler);
		return response;
	}

	/**
	 * Spring Security's HS256 decoder as a resource server would configure it for tokenkit's RFC 9068 tokens: the
	 * default timestamp check, and {@code typ} {@code at+jwt} instead of {@code JWT}.
	 */
	static NimbusJwtDecoder springDecoder(byte[] secret) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
			.macAlgorithm(MacAlgorithm.HS256)
			.validateType(false)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtTypeValidator("at+jwt")));
		return decoder;
	}

	/** A typical account: two authorities, no own policy. */
	static Account account() {
		return new Account("42", "alice", "alice@example.com", Set.of("ROLE_USER", "ROLE_DONOR"), true, null);
	}

}
