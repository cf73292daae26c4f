package dev.tokenkit.core.account;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import dev.tokenkit.core.TokenPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AccountTests {

	@Test
	void isNamedByWhenUsernameExactOrEmailInAnyCaseThenTrue() {
		Account account = new Account("1", "me", "Me@Example.com", Set.of(), true, null);
		assertThat(account.isNamedBy("me")).isTrue();
		assertThat(account.isNamedBy("ME@example.COM")).isTrue();
		assertThat(account.isNamedBy("Me")).isFalse();
		assertThat(account.isNamedBy("me@example.co")).isFalse();
	}

	@Test
	void constructorWhenAuthoritiesGivenThenCopiedUnmodifiable() {
		Set<String> authorities = new HashSet<>(Set.of("ROLE_USER"));
		Account account = new Account("1", "me", null, authorities, true, null);
		authorities.add("ROLE_ADMIN");
		assertThat(account.authorities()).containsExactly("ROLE_USER");
	}

	@Test
	void constructorWhenBlankIdOrAuthorityWithCommaThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Account(" ", "me", null, Set.of(), true, null))
			.withMessageContaining("id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Account("1", "me", null, Set.of("ROLE_A,ROLE_B"), true, null))
			.withMessageContaining("authorities");
		assertThatIllegalArgumentException().isThrownBy(() -> new Account("1", "me", null, Set.of("ROLE A"), true, null));
	}

	@Test
	void tokenPolicyWhenAccountHasItsOwnThenItsOwnElseTheDefault() {
		TokenPolicy own = TokenPolicy.ofIdle(Duration.ofMinutes(1));
		TokenPolicy fallback = TokenPolicy.ofIdle(Duration.ofHours(10));
		assertThat(new Account("1", "me", null, Set.of(), true, own).tokenPolicy(fallback)).isEqualTo(own);
		assertThat(new Account("1", "me", null, Set.of(), true, null).tokenPolicy(fallback)).isEqualTo(fallback);
	}

	@Test
	void tokenPolicyWhenDisabledThenRefused() {
		Account disabled = new Account("1", "me", null, Set.of(), false, null);
		TokenPolicy fallback = TokenPolicy.ofIdle(Duration.ofHours(1));
		assertThatIllegalArgumentException().isThrownBy(() -> disabled.tokenPolicy(fallback))
			.withMessage("Cannot issue a token for a disabled account");
	}

}
