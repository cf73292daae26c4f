package dev.tokenkit.sample;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

/**
 * Puts Spring Security's filter chain in front of every request, on every dispatch type.
 *
 * @since 0.1.0
 */
public class SecurityWebAppInitializer extends AbstractSecurityWebApplicationInitializer {

	@Override
	protected EnumSet<DispatcherType> getSecurityDispatcherTypes() {
		return EnumSet.allOf(DispatcherType.class);
	}

}
