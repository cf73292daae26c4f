package dev.tokenkit.spring;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;

/** Looks the configurer's collaborators up in the application context, when there is one. */
record ContextBeans(@Nullable ApplicationContext context) {

	/** The one bean of a type (or its {@code @Primary} one); several without a primary fail, naming the fix. */
	<T> Optional<T> unique(Class<T> type, String dslMethod) {
		if (this.context == null) {
			return Optional.empty();
		}
		T bean = this.context.getBeanProvider(type).getIfUnique();
		if (bean == null && this.context.getBeanNamesForType(type).length > 1) {
			throw new IllegalStateException("tokenKit found several " + type.getSimpleName() + " beans: mark one "
					+ "@Primary or set kit." + dslMethod + "(...)");
		}
		return Optional.ofNullable(bean);
	}

	AuthenticationEventPublisher defaultEventPublisher() {
		return (this.context != null) ? new DefaultAuthenticationEventPublisher(this.context)
				: new DefaultAuthenticationEventPublisher();
	}

}
