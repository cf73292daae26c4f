package dev.tokenkit.spring;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.Customizer;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenStore;

/**
 * Resolves the configurer's collaborators: the value set with the DSL, else the unique bean of its type in the
 * application context (when there is one), else a default.
 */
record ContextBeans(@Nullable ApplicationContext context) {

	/** The value set with the DSL, else the unique bean of its type, else {@code null}. */
	<T> @Nullable T setOrUnique(@Nullable T set, Class<T> type, String dslMethod) {
		return (set != null) ? set : unique(type, dslMethod);
	}

	/** The one bean of a type (or its {@code @Primary} one); several without a primary fail, naming the fix. */
	<T> @Nullable T unique(Class<T> type, String dslMethod) {
		if (this.context == null) {
			return null;
		}
		T bean = this.context.getBeanProvider(type).getIfUnique();
		if (bean == null && this.context.getBeanNamesForType(type).length > 1) {
			throw new IllegalStateException("tokenKit found several " + type.getSimpleName() + " beans: mark one "
					+ "@Primary or set kit." + dslMethod + "(...)");
		}
		return bean;
	}

	/** Applies the context's {@code Customizer<TokenKitConfigurer>} beans, in their order, to a configurer. */
	void customizers(TokenKitConfigurer configurer) {
		if (this.context != null) {
			ResolvableType type = ResolvableType.forClassWithGenerics(Customizer.class, TokenKitConfigurer.class);
			this.context.<Customizer<TokenKitConfigurer>>getBeanProvider(type)
				.orderedStream()
				.forEach((customizer) -> customizer.customize(configurer));
		}
	}

	/** The token service; by default an opaque one over the unique {@link TokenStore} bean, else in memory. */
	TokenService tokenService(@Nullable TokenService set) {
		TokenService bean = setOrUnique(set, TokenService.class, "tokenService");
		return (bean != null) ? bean : OpaqueTokenService.builder(Objects.requireNonNullElseGet(
				unique(TokenStore.class, "tokenService"), InMemoryTokenStore::new)).build();
	}

	/** The event publisher; by default one publishing to the application context. */
	AuthenticationEventPublisher eventPublisher(@Nullable AuthenticationEventPublisher set) {
		AuthenticationEventPublisher bean = setOrUnique(set, AuthenticationEventPublisher.class, "eventPublisher");
		if (bean != null) {
			return bean;
		}
		return (this.context != null) ? new DefaultAuthenticationEventPublisher(this.context)
				: new DefaultAuthenticationEventPublisher();
	}

}
