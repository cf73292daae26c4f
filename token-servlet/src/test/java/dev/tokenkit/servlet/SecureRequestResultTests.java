package dev.tokenkit.servlet;

import java.util.Set;

import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.observation.FailureReason;
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
		SecureRequestResult result = SecureRequestResult.refused(TokenErrors.unavailable(),
				FailureReason.STORE_UNAVAILABLE);
		assertThat(result.principal()).isNull();
		assertThat(result.error().status()).isEqualTo(503);
		assertThat(result.reason()).isEqualTo(FailureReason.STORE_UNAVAILABLE);
	}

	@Test
	void constructorWhenBothOrNeitherOrAnErrorWithoutReasonThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecureRequestResult(null, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SecureRequestResult(ALICE, TokenErrors.internalError(), FailureReason.ERROR));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SecureRequestResult(null, TokenErrors.internalError(), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SecureRequestResult(ALICE, null, FailureReason.ERROR));
	}

}
