package dev.tokenkit.core.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTests {

	@Test
	void hashWhenKeyGivenThenLowerCaseHexSha256OfUtf8() {
		assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(ApiKeys.hash("ä")).isEqualTo(ApiKeys.hash("\u00e4")).hasSize(64);
	}

	@Test
	void matchesWhenSameKeyThenTrueElseFalse() {
		String stored = ApiKeys.hash("YOUR_API_KEY");
		assertThat(ApiKeys.matches("YOUR_API_KEY", stored)).isTrue();
		assertThat(ApiKeys.matches("your_api_key", stored)).isFalse();
		assertThat(ApiKeys.matches("YOUR_API_KEY ", stored)).isFalse();
		assertThat(ApiKeys.matches("", stored)).isFalse();
	}

}
