package dev.tokenkit.spring;

import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.core.account.InvalidCredentialsException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuthenticationManagerAuthenticatorTests {

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final ProviderManager manager = new ProviderManager(provider());

	private final List<String> failures = new ArrayList<>();

	private final AuthenticationEventPublisher events = new AuthenticationEventPublisher() {

		@Override
		public void publishAuthenticationSuccess(Authentication authentication) {
		}

		@Override
		public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
			AuthenticationManagerAuthenticatorTests.this.failures.add(authentication.getName());
		}

	};

	private DaoAuthenticationProvider provider() {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
				User.withUsername("me").password(this.encoder.encode("my_password")).roles("USER", "API").build(),
				User.withUsername("off").password(this.encoder.encode("pw")).roles("USER").disabled(true).build()));
		provider.setPasswordEncoder(this.encoder);
		return provider;
	}

	@Test
	void authenticateWhenManagerAcceptsThenAccountNamedAfterResultWithoutFactorAuthorities() {
		Account account = new AuthenticationManagerAuthenticator(this.manager, null, this.events)
			.authenticate(Credentials.of("me", "my_password"));
		assertThat(account.id()).isEqualTo("me");
		assertThat(account.authorities()).containsExactlyInAnyOrder("ROLE_USER", "ROLE_API");
	}

	@Test
	void authenticateWhenWrongPasswordDisabledOrEmptyThenInvalidCredentials() {
		AuthenticationManagerAuthenticator authenticator = new AuthenticationManagerAuthenticator(this.manager, null, this.events);
		for (Credentials credentials : new Credentials[] { Credentials.of("me", "wrong"), Credentials.of("nobody", "x"),
				Credentials.of("off", "pw"), Credentials.of("me", "") }) {
			assertThatExceptionOfType(InvalidCredentialsException.class)
				.isThrownBy(() -> authenticator.authenticate(credentials));
		}
	}

	@Test
	void authenticateWhenApiKeyThenVerifierDecidesAndWithoutVerifierRefused() {
		Credentials withKey = new Credentials("me", "my_password", "KEY");
		assertThat(new AuthenticationManagerAuthenticator(this.manager, (key, principal) -> key.equals("KEY"), this.events)
			.authenticate(withKey)
			.username()).isEqualTo("me");
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> new AuthenticationManagerAuthenticator(this.manager, (key, principal) -> false, this.events)
				.authenticate(withKey));
		assertThat(this.failures).containsExactly("me");
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> new AuthenticationManagerAuthenticator(this.manager, null, this.events).authenticate(withKey));
	}

	@Test
	void authenticateWhenUserStoreFailsThenStoreUnavailable() {
		AuthenticationManagerAuthenticator authenticator = new AuthenticationManagerAuthenticator((authentication) -> {
			throw new AuthenticationServiceException("LDAP is down");
		}, null, this.events);
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> authenticator.authenticate(Credentials.of("me", "pw")));
	}

}
