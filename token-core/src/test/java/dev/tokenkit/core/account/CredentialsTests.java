package dev.tokenkit.core.account;

import dev.tokenkit.core.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTests {

	@Test
	void toStringWhenCalledThenShowsNoPieceOfLoginPasswordOrApiKey() {
		Credentials credentials = new Credentials("alice@example.test", TestAccounts.ALICE_PASSWORD,
				TestAccounts.ALICE_API_KEY);
		assertThat(credentials.toString()).doesNotContain("alice")
			.doesNotContain(TestAccounts.ALICE_PASSWORD.substring(0, 4))
			.doesNotContain(TestAccounts.ALICE_API_KEY.substring(0, 4))
			.contains("login#");
	}

	@Test
	void toStringWhenSameLoginThenSameMaskElseDifferent() {
		String alice = Credentials.of("alice", "x").toString();
		assertThat(Credentials.of("alice", "y").toString()).isEqualTo(alice);
		assertThat(Credentials.of("alicf", "x").toString()).isNotEqualTo(alice);
	}

}
