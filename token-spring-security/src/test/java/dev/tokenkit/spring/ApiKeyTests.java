package dev.tokenkit.spring;

import java.util.Set;

import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.AccountApiKeyVerifier;
import dev.tokenkit.core.account.AccountRepository;
import dev.tokenkit.core.account.ApiKeyVerifier;
import dev.tokenkit.core.account.ApiKeys;
import dev.tokenkit.core.account.InMemoryAccountRepository;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The documented minimal wiring for GlobalGiving: logins through the chain's UserDetailsService, api keys checked by an
 * {@link AccountApiKeyVerifier} over accounts whose ids are not their usernames, and api keys required on secure calls.
 */
@SpringJUnitWebConfig(ApiKeyTests.ApiKeyApp.class)
class ApiKeyTests {

	@Autowired
	private WebApplicationContext context;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	private RawHttp.Response call(RequestBuilder request) throws Exception {
		return MockMvcResponses.of(this.mvc.perform(request).andReturn().getResponse());
	}

	@Test
	void globalGivingWhenAccountIdDiffersFromUsernameThenLoginAndSecureCallWithApiKeyWork() throws Exception {
		String token = TokenAnswers.token(call(post("/api/userservice/tokens").contentType("application/json")
			.content("{'auth_request':{'user':{'email':'John_Doe@hotmail.com','password':'somepassword'},"
					+ " 'api_key':'YOUR_API_KEY'}}")), TokenAnswers.GG_JSON, "application/json");
		assertThat(call(get("/api/secure/givingservice/donations?api_key=YOUR_API_KEY&api_token=" + token)).body())
			.isEqualTo("donations of John_Doe@hotmail.com");
		TokenAnswers.jsonError(call(get("/api/secure/givingservice/donations?api_key=OTHER_KEY&api_token=" + token)),
				403, "invalid_api_key");
		TokenAnswers.jsonError(call(get("/api/secure/givingservice/donations?api_token=" + token)), 400,
				"invalid_request");
	}

	@Configuration
	@EnableWebMvc
	@EnableWebSecurity
	static class ApiKeyApp {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.with(TokenKitConfigurer.tokenKit(), (kit) -> kit.requireApiKey(true))
				.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("John_Doe@hotmail.com").password("{noop}somepassword").roles("USER").build());
		}

		@Bean
		AccountRepository accounts() {
			InMemoryAccountRepository accounts = new InMemoryAccountRepository();
			accounts.save(new StoredAccount(new Account("42", "John_Doe@hotmail.com", "John_Doe@hotmail.com",
					Set.of("ROLE_USER"), true, null), "{noop}unused", ApiKeys.hash("YOUR_API_KEY")));
			return accounts;
		}

		@Bean
		ApiKeyVerifier apiKeys(AccountRepository accounts) {
			return new AccountApiKeyVerifier(accounts);
		}

		@RestController
		static class Donations {

			@GetMapping("/api/secure/givingservice/donations")
			String donations(java.security.Principal principal) {
				return "donations of " + principal.getName();
			}

		}

	}

}
