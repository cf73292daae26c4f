package dev.tokenkit.boot;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.jdbc.JdbcLoginAttempts;
import dev.tokenkit.core.jdbc.JdbcTokenStore;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.TestAccounts;
import dev.tokenkit.core.throttle.LoginAttempts;
import dev.tokenkit.jwt.JwtTokenService;
import dev.tokenkit.redis.RedisLoginAttempts;
import dev.tokenkit.redis.RedisTokenStore;
import dev.tokenkit.redis.testing.PrivateRedisCluster;
import dev.tokenkit.redis.testing.PrivateRedisSentinel;
import dev.tokenkit.redis.testing.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/** Every condition of the auto-configuration: defaults, each bean backing off, each store and kind, each bad value. */
class TokenKitAutoConfigurationTests {

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TokenKitAutoConfiguration.class, TokenKitHealthAutoConfiguration.class));

	private final ApplicationContextRunner plain = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TokenKitAutoConfiguration.class));

	@Test
	void startWhenNoSettingsThenOpaqueTokensInMemoryOnEveryChainBehindTheStrictFirewall() {
		this.web.run((context) -> {
			assertThat(context).hasSingleBean(OpaqueTokenService.class).hasSingleBean(InMemoryTokenStore.class)
				.hasSingleBean(Clock.class).hasSingleBean(TokenKitPropertiesCustomizer.class)
				.hasSingleBean(StrictHttpFirewall.class).hasSingleBean(RequestRejectedHandler.class)
				.hasSingleBean(TokenStoreHealthIndicator.class).doesNotHaveBean(LoginAttempts.class);
			assertThat(context.getBeanNamesForType(Customizer.class)).contains("tokenKitOnEveryChain");
		});
	}

	@Test
	void startWhenNotAWebAppThenTokensButNoChainParts() {
		this.plain.run((context) -> {
			assertThat(context).hasSingleBean(TokenService.class).doesNotHaveBean(HttpFirewall.class);
			assertThat(context.getBeanNamesForType(Customizer.class)).doesNotContain("tokenKitOnEveryChain");
		});
	}

	@Test
	void startWhenAutoApplyOffThenNoChainCustomizerButTheSettingsStay() {
		this.web.withPropertyValues("tokenkit.auto-apply=false").run((context) -> {
			assertThat(context.getBeanNamesForType(Customizer.class)).containsExactlyInAnyOrder(
					"tokenKitPropertiesCustomizer", "tokenKitTrustEndpointsCustomizer");
			assertThat(context).hasSingleBean(TokenKitPropertiesCustomizer.class);
		});
	}

	@Test
	void startWhenAppDefinesItsOwnBeansThenEachBacksOff() {
		Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
		InMemoryTokenStore store = new InMemoryTokenStore(clock);
		TokenService service = OpaqueTokenService.builder(store).build();
		HttpFirewall firewall = new StrictHttpFirewall();
		this.web.withBean(Clock.class, () -> clock).withBean(TokenStore.class, () -> store)
			.withBean(TokenService.class, () -> service).withBean(HttpFirewall.class, () -> firewall)
			.run((context) -> {
				assertThat(context.getBean(Clock.class)).isSameAs(clock);
				assertThat(context.getBean(TokenStore.class)).isSameAs(store);
				assertThat(context.getBean(TokenService.class)).isSameAs(service);
				assertThat(context.getBean(HttpFirewall.class)).isSameAs(firewall);
			});
	}

	@Test
	void startWhenOwnStoreOnlyThenTheServiceIsBuiltOverIt() {
		InMemoryTokenStore store = new InMemoryTokenStore();
		this.plain.withBean(TokenStore.class, () -> store).run((context) -> {
			TokenService tokens = context.getBean(TokenService.class);
			tokens.issue(TestAccounts.alice(),
					TokenPolicy.ofIdle(Duration.ofMinutes(5)));
			assertThat(store.findByAccount(TestAccounts.alice().id())).hasSize(1);
		});
	}

	@Test
	void startWhenJdbcStoreOnEmbeddedH2ThenTablesMadeAndTokensKeptThere() {
		this.plain.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("tokenkit.store.type=jdbc", "spring.datasource.url=jdbc:h2:mem:jdbc-store")
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcTokenStore.class).hasSingleBean(ExpiredTokenPurge.class)
					.hasSingleBean(JdbcLoginAttempts.class);
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tk_tokens", Integer.class)).isZero();
				context.getBean(LoginAttempts.class).recordFailure("key", "attempt", Duration.ofMinutes(1));
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tk_login_attempts", Integer.class)).isOne();
			});
	}

	@Test
	void startWhenJdbcStoreButTheAppsOwnStoreOrCountsThenNoCountsOfTokenkitsOwn() {
		LoginAttempts own = JdbcTokenStore.builder(new JdbcDataSource()).build().loginAttempts();
		this.plain.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("tokenkit.store.type=jdbc", "spring.datasource.url=jdbc:h2:mem:own-counts")
			.withBean(LoginAttempts.class, () -> own)
			.run((context) -> assertThat(context.getBean(LoginAttempts.class)).isSameAs(own));
		this.plain.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("tokenkit.store.type=jdbc", "spring.datasource.url=jdbc:h2:mem:own-store")
			.withBean(TokenStore.class, InMemoryTokenStore::new)
			.run((context) -> assertThat(context).doesNotHaveBean(LoginAttempts.class));
	}

	@Test
	void startWhenJdbcStoreAndSchemaNeverThenNoTablesMade() {
		this.plain.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("tokenkit.store.type=jdbc", "tokenkit.store.jdbc.initialize-schema=never",
					"spring.datasource.url=jdbc:h2:mem:jdbc-never")
			.run((context) -> {
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = "
						+ "'TK_TOKENS'", Integer.class)).isZero();
			});
	}

	@Test
	void startWhenJdbcStoreWithoutDataSourceThenFailureNamesTheProperty() {
		this.plain.withPropertyValues("tokenkit.store.type=jdbc").run((context) -> assertThat(context)
			.getFailure()
			.rootCause()
			.isInstanceOf(TokenKitConfigurationException.class)
			.hasMessageContaining("tokenkit.store.type")
			.hasMessageContaining("DataSource"));
	}

	@Test
	void startWhenRedisStoreThenOnTheAppsOwnLettuceClient() {
		TestRedis.requireServer();
		this.plain.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("tokenkit.store.type=redis", "spring.data.redis.url=" + TestRedis.URL,
					"tokenkit.store.redis.key-prefix=tokenkit-boot-test:")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisTokenStore.class).hasSingleBean(RedisLoginAttempts.class);
				TokenStore store = context.getBean(TokenStore.class);
				assertThat(store.find(TokenHash.of("unknown"))).isNull();
			});
	}

	/** A cluster or a Sentinel set-up behind spring.data.redis.*: the store is built on the app's own client. */
	@Test
	void startWhenRedisStoreOnAClusterOrSentinelsThenOnTheAppsOwnClient() {
		try (PrivateRedisCluster cluster = PrivateRedisCluster.start();
				PrivateRedisSentinel sentinel = PrivateRedisSentinel.start()) {
			for (String[] redis : new String[][] { { "spring.data.redis.cluster.nodes=" + cluster.nodes() },
					{ "spring.data.redis.sentinel.nodes=" + sentinel.sentinelNodes(),
							"spring.data.redis.sentinel.master=" + PrivateRedisSentinel.PRIMARY_NAME } }) {
				this.plain.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
					.withPropertyValues("tokenkit.store.type=redis")
					.withPropertyValues(redis)
					.run((context) -> {
						assertThat(context).hasSingleBean(RedisTokenStore.class);
						TokenService tokens = context.getBean(TokenService.class);
						String token = tokens.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(5)))
							.value();
						assertThat(tokens.authenticate(token).username()).as("%s", (Object) redis).isEqualTo("alice");
						assertThat(tokens.revoke(token)).isTrue();
					});
			}
		}
	}

	@Test
	void startWhenRedisStoreWithoutTokenRedisThenFailureNamesTheProperty() {
		this.plain.withClassLoader(new FilteredClassLoader(RedisTokenStore.class))
			.withPropertyValues("tokenkit.store.type=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tokenkit.store.type")
				.hasMessageContaining("token-redis"));
	}

	@Test
	void startWhenStoreTypeMisspeltThenFailureNamesThePropertyAndTheValues() {
		this.plain.withPropertyValues("tokenkit.store.type=reddis").run((context) -> assertThat(context)
			.getFailure()
			.hasStackTraceContaining("Failed to bind properties under 'tokenkit.store.type'")
			.rootCause()
			.hasMessageContaining("reddis"));
	}

	@Test
	void startWhenJwtWithSecretThenSignedTokens() {
		String secret = Base64.getEncoder().encodeToString(new byte[32]);
		this.plain.withPropertyValues("tokenkit.token.kind=jwt", "tokenkit.jwt.secret=" + secret,
				"tokenkit.jwt.issuer=test")
			.run((context) -> {
				TokenService tokens = context.getBean(TokenService.class);
				assertThat(tokens).isInstanceOf(JwtTokenService.class);
				String token = tokens.issue(TestAccounts.alice(),
						TokenPolicy.ofIdle(Duration.ofMinutes(5))).value();
				assertThat(token.split("\\.")).hasSize(3);
				assertThat(tokens.authenticate(token).username()).isEqualTo("alice");
			});
	}

	@Test
	void startWhenJwtSecretTooShortThenFailureNamesThePropertyNeverTheSecret() {
		String secret = Base64.getEncoder().encodeToString("twelve bytes".getBytes());
		this.plain.withPropertyValues("tokenkit.token.kind=jwt", "tokenkit.jwt.secret=" + secret)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(TokenKitConfigurationException.class)
				.hasMessageContaining("tokenkit.jwt.secret")
				.hasMessageContaining("32 bytes")
				.hasMessageNotContaining(secret));
	}

	@Test
	void failureAnalysisWhenSecretTooShortThenOneDescriptionNamingThePropertyNeverTheSecret() {
		String secret = Base64.getEncoder().encodeToString("twelve bytes".getBytes());
		this.plain.withPropertyValues("tokenkit.token.kind=jwt", "tokenkit.jwt.secret=" + secret).run((context) -> {
			FailureAnalysis analysis = new TokenKitFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("tokenkit.jwt.secret", "at least 32 bytes")
				.doesNotContain(secret);
			assertThat(analysis.getAction()).contains("tokenkit.jwt.secret");
		});
	}

	@Test
	void startWhenJwtKeyFromPemFilesThenSignedWithItsKid(@TempDir Path dir) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair pair = generator.generateKeyPair();
		Path privatePem = pem(dir.resolve("private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
		Path publicPem = pem(dir.resolve("public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
		this.plain.withPropertyValues("tokenkit.token.kind=jwt", "tokenkit.jwt.keys[0].kid=ec-1",
				"tokenkit.jwt.keys[0].algorithm=ES256", "tokenkit.jwt.keys[0].private-key=" + privatePem.toUri(),
				"tokenkit.jwt.keys[0].public-key=" + publicPem.toUri())
			.run((context) -> assertSignedWith(context.getBean(TokenService.class), "ES256", "ec-1"));
	}

	@Test
	void startWhenJwtKeyFromKeyStoreThenSignedWithItsKid(@TempDir Path dir) throws Exception {
		Path store = dir.resolve("jwt.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "signing", "-keyalg", "RSA", "-keysize", "2048", "-storetype", "PKCS12",
				"-keystore", store.toString(), "-storepass", "changeit", "-dname", "CN=tokenkit-test", "-validity", "2")
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
		this.plain.withPropertyValues("tokenkit.token.kind=jwt", "tokenkit.jwt.keys[0].kid=rsa-1",
				"tokenkit.jwt.keys[0].algorithm=RS256", "tokenkit.jwt.keys[0].key-store=" + store.toUri(),
				"tokenkit.jwt.keys[0].key-store-password=changeit", "tokenkit.jwt.keys[0].alias=signing")
			.run((context) -> assertSignedWith(context.getBean(TokenService.class), "RS256", "rsa-1"));
	}

	private static void assertSignedWith(TokenService tokens, String algorithm, String kid) {
		String token = tokens.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(5))).value();
		String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
		assertThat(header).contains("\"alg\":\"" + algorithm + "\"", "\"kid\":\"" + kid + "\"");
		assertThat(tokens.authenticate(token).username()).isEqualTo("alice");
	}

	private static Path pem(Path file, String type, byte[] der) throws IOException {
		return Files.writeString(file, "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n");
	}

	@Test
	void startWhenJwtKeyFileMissingThenFailureNamesTheKeysProperty() {
		this.plain.withPropertyValues("tokenkit.token.kind=jwt", "tokenkit.jwt.keys[0].kid=k1",
				"tokenkit.jwt.keys[0].algorithm=ES256", "tokenkit.jwt.keys[0].private-key=classpath:missing.pem",
				"tokenkit.jwt.keys[0].public-key=classpath:missing-pub.pem")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tokenkit.jwt.keys[0].private-key")
				.hasMessageContaining("does not exist"));
	}

	@Test
	void startWhenJwtWithoutTokenJwtThenFailureNamesTheProperty() {
		this.plain.withClassLoader(new FilteredClassLoader(JwtTokenService.class))
			.withPropertyValues("tokenkit.token.kind=jwt")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tokenkit.token.kind")
				.hasMessageContaining("token-jwt"));
	}

	@Test
	void startWhenIntrospectionWithoutClientsThenFailureNamesTheProperty() {
		this.web.withPropertyValues("tokenkit.introspection.enabled=true").run((context) -> assertThat(context)
			.getFailure()
			.rootCause()
			.hasMessageContaining("tokenkit.introspection.clients"));
	}

	/** A client secret must be held hashed, as account passwords are; the failure never quotes what was given. */
	@Test
	void startWhenIntrospectionClientSecretNotAHashThenFailureNamesThePropertyNeverTheSecret() {
		for (String secret : new String[] { "plain-client-secret", "{noop}plain-client-secret" }) {
			this.web.withPropertyValues("tokenkit.introspection.enabled=true",
					"tokenkit.introspection.clients[0].id=rs", "tokenkit.introspection.clients[0].secret=" + secret)
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("tokenkit.introspection.clients[0].secret")
					.hasMessageNotContaining("plain-client-secret"));
		}
		this.web.withPropertyValues("tokenkit.introspection.enabled=true",
				"tokenkit.introspection.clients[0].secret={bcrypt}$2a$04$abcdefghijklmnopqrstuu")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("tokenkit.introspection.clients[0].id"));
	}

	@Test
	void startWhenTrustEndpointsSetThenTheirCustomizerIsABean() {
		this.web.withPropertyValues("tokenkit.introspection.enabled=true", "tokenkit.introspection.clients[0].id=rs",
				"tokenkit.introspection.clients[0].secret={bcrypt}$2a$04$abcdefghijklmnopqrstuu",
				"tokenkit.jwk-set.enabled=true", "tokenkit.metadata.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TrustEndpointsCustomizer.class));
	}

	@Test
	void startWhenTrustedProxyIsNotAnAddressRangeThenFailureNamesTheProperty() {
		this.web.withPropertyValues("tokenkit.jetty.trusted-proxies=10.0.0.0/99").run((context) -> assertThat(context)
			.getFailure()
			.rootCause()
			.hasMessageContaining("tokenkit.jetty.trusted-proxies"));
	}

	@Test
	void startWhenRealmHoldsAQuoteThenFailureNamesTheProperty() {
		this.web.withPropertyValues("tokenkit.realm=a\"b").run((context) -> assertThat(context).getFailure()
			.rootCause()
			.hasMessageContaining("tokenkit.realm"));
	}

	@Test
	void healthWhenStoreAnswersThenUpWithTheKindOnly() {
		this.web.run((context) -> {
			Health health = context.getBean(TokenStoreHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsOnlyKeys("store", "latencyMs")
				.containsEntry("store", "InMemoryTokenStore");
		});
	}

	@Test
	void healthWhenStoreFailsThenDownWithTheKindOnly() {
		TokenStore failing = (TokenStore) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { TokenStore.class }, (proxy, method, args) -> {
					throw new IllegalStateException("SQL state 42P01 from jdbc:postgresql://db?password=secret");
				});
		Health health = new TokenStoreHealthIndicator(failing, Duration.ofMillis(500)).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnlyKeys("store");
		assertThat(health.toString()).doesNotContain("secret", "42P01");
	}

	@Test
	void healthWhenStoreAnswersSlowerThanTheThresholdThenSlowWithItsLatency() {
		InMemoryTokenStore memory = new InMemoryTokenStore();
		TokenStore slow = (TokenStore) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { TokenStore.class }, (proxy, method, args) -> {
					Thread.sleep(60);
					return method.invoke(memory, args);
				});
		Health health = new TokenStoreHealthIndicator(slow, Duration.ofMillis(50)).health();
		assertThat(health.getStatus()).isEqualTo(TokenStoreHealthIndicator.SLOW);
		assertThat((Long) health.getDetails().get("latencyMs")).isGreaterThanOrEqualTo(60);
		assertThat(new TokenStoreHealthIndicator(slow, Duration.ofSeconds(5)).health().getStatus())
			.isEqualTo(Status.UP);
	}

	@Test
	void startWhenSlowThresholdNotPositiveThenFailureNamesTheProperty() {
		this.web.withPropertyValues("tokenkit.store.slow-threshold=0ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(TokenKitConfigurationException.class)
				.hasMessageContaining("tokenkit.store.slow-threshold"));
	}

	@Test
	void startWhenThrottleWindowZeroThenFailureNamesTheProperty() {
		this.web.withPropertyValues("tokenkit.login-throttle.max-failures=5", "tokenkit.login-throttle.window=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(TokenKitConfigurationException.class)
				.hasMessageContaining("tokenkit.login-throttle"));
	}

	@Test
	void healthWhenSwitchedOffThenNoIndicator() {
		this.web.withPropertyValues("management.health.tokenkit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TokenStoreHealthIndicator.class));
	}

	@Test
	void healthWhenActuatorAbsentThenNoIndicator() {
		this.web.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).doesNotHaveBean(TokenStoreHealthIndicator.class));
	}

}
