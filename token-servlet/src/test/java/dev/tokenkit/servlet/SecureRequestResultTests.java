package dev.tokenkit.servlet;

import java.util.Set;

import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.servlet.error.TokenErrors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecureRequestResultTests {

	private static final TokenPrincipal ALICE = new TokenPrincipal("acct-alice", "alice", Set.of());

	@Test
	void authenticatedWhenPrincipalThenPrincipalAndNoError() {
		SecureRequestResult result = SecureRequestResult.authenticated(ALICE);
		assertThat(result.principal()).isEqualTo(ALICE);
		assertThat(result.error()).isNull();
	}

	@Test
	void refusedWhenErrorThenErrorAndNoPrincipal() {
		SecureRequestResult result = SecureRequestResult.refused(TokenErrors.unavailable());
		assertThat(result.principal()).isNull();
		assertThat(result.error().status()).isEqualTo(503);
	}

	@Test
	void constructorWhenBothOrNeitherThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecureRequestResult(null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SecureRequestResult(ALICE, TokenErrors.internalError()));
	}

}
