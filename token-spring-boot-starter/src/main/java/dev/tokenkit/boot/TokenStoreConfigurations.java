package dev.tokenkit.boot;

import java.time.Clock;

import javax.sql.DataSource;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.tokenkit.core.jdbc.JdbcLoginAttempts;
import dev.tokenkit.core.jdbc.JdbcSchema;
import dev.tokenkit.core.jdbc.JdbcTokenStore;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.throttle.LoginAttempts;
import dev.tokenkit.redis.RedisLoginAttempts;
import dev.tokenkit.redis.RedisTokenStore;

/**
 * The token store {@code tokenkit.store.type} names, unless the app defines a {@link TokenStore}: in memory (the
 * default), in the app's {@link DataSource}, or in Redis on the app's own Lettuce client. A store whose module or
 * server connection is missing stops start-up naming the property. Beside tokenkit's own JDBC or Redis store come the
 * {@link LoginAttempts} of a login throttle that every node on it shares (unless the app defines its own); an app
 * that brings its own store keeps the throttle in each JVM unless it defines them.
 */
final class TokenStoreConfigurations {

	private static final String TYPE = "tokenkit.store.type";

	private TokenStoreConfigurations() {
	}

	/** {@code tokenkit.store.type=memory}, the default: one node, lost on restart. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = TYPE, havingValue = "memory", matchIfMissing = true)
	static class Memory {

		@Bean
		@ConditionalOnMissingBean(TokenStore.class)
		InMemoryTokenStore tokenStore(Clock clock) {
			return new InMemoryTokenStore(clock);
		}

	}

	/** {@code tokenkit.store.type=jdbc}: the app's DataSource, its tables made as {@code initialize-schema} says. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = TYPE, havingValue = "jdbc")
	@ConditionalOnClass({ DataSource.class, EmbeddedDatabaseConnection.class })
	static class Jdbc {

		@Bean
		@ConditionalOnMissingBean(TokenStore.class)
		JdbcTokenStore tokenStore(ObjectProvider<DataSource> dataSources, TokenKitProperties properties, Clock clock) {
			DataSource dataSource = dataSources.getIfUnique();
			if (dataSource == null) {
				throw new TokenKitConfigurationException(TYPE,
						"The JDBC store needs one DataSource: set spring.datasource.url or define a DataSource bean.");
			}
			TokenKitProperties.SchemaInitialization schema = properties.store().jdbc().initializeSchema();
			if (schema == TokenKitProperties.SchemaInitialization.ALWAYS
					|| (schema == TokenKitProperties.SchemaInitialization.EMBEDDED
							&& EmbeddedDatabaseConnection.isEmbedded(dataSource))) {
				JdbcSchema.createIfMissing(dataSource);
			}
			return JdbcTokenStore.builder(dataSource).clock(clock).queryTimeout(properties.store().timeout()).build();
		}

		@Bean
		@ConditionalOnMissingBean
		ExpiredTokenPurge expiredTokenPurge(ObjectProvider<JdbcTokenStore> stores, TokenKitProperties properties) {
			return new ExpiredTokenPurge(stores, properties.store().jdbc().purgeInterval());
		}

	}

	/** {@code tokenkit.store.type=redis}: one connection from the app's own Lettuce client. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = TYPE, havingValue = "redis")
	@ConditionalOnClass({ RedisTokenStore.class, LettuceConnectionFactory.class })
	static class Redis {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean(TokenStore.class)
		RedisTokenStore tokenStore(ObjectProvider<LettuceConnectionFactory> factories, TokenKitProperties properties,
				Clock clock) {
			LettuceConnectionFactory factory = factories.getIfUnique();
			if (factory == null) {
				throw new TokenKitConfigurationException(TYPE, "The Redis store needs the app's "
						+ "Lettuce connection: set spring.data.redis.* with spring-boot-starter-data-redis.");
			}
			if (!factory.isRunning()) {
				factory.start();
			}
			AbstractRedisClient client = factory.getRequiredNativeClient();
			RedisTokenStore.Builder builder;
			if (client instanceof RedisClusterClient cluster) {
				builder = RedisTokenStore.builder(cluster);
			}
			else if (client instanceof RedisClient standaloneOrSentinel) {
				builder = RedisTokenStore.builder(standaloneOrSentinel);
			}
			else {
				throw new TokenKitConfigurationException(TYPE, "The Redis store needs a Lettuce RedisClient or "
						+ "RedisClusterClient behind spring.data.redis.*.");
			}
			return builder
				.keyPrefix(properties.store().redis().keyPrefix())
				.clock(clock)
				.timeout(properties.store().timeout())
				.build();
		}

	}

	/**
	 * {@code tokenkit.store.type=jdbc} or {@code redis} without the modules that store needs: imported last, it is the
	 * only one left to make the store.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ModulesMissing {

		@Bean
		@ConditionalOnMissingBean(TokenStore.class)
		TokenStore tokenStore(TokenKitProperties properties) {
			String needed = (properties.store().type() == TokenKitProperties.StoreType.REDIS)
					? "dev.tokenkit:token-redis and spring-boot-starter-data-redis"
					: "spring-boot-starter-jdbc and the database's driver";
			throw new TokenKitConfigurationException(TYPE, "This store needs " + needed + " on the classpath.");
		}

	}

	/** The login throttle's counts in the JDBC store's database; imported after the stores, which it needs. */
	@Configuration(proxyBeanMethods = false)
	static class JdbcThrottle {

		@Bean
		@ConditionalOnMissingBean(LoginAttempts.class)
		@ConditionalOnBean(JdbcTokenStore.class)
		JdbcLoginAttempts tokenKitLoginAttempts(JdbcTokenStore store) {
			return store.loginAttempts();
		}

	}

	/** The login throttle's counts in the Redis store's Redis; imported after the stores, which it needs. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisTokenStore.class)
	static class RedisThrottle {

		@Bean
		@ConditionalOnMissingBean(LoginAttempts.class)
		@ConditionalOnBean(RedisTokenStore.class)
		RedisLoginAttempts tokenKitLoginAttempts(RedisTokenStore store) {
			return store.loginAttempts();
		}

	}

}
