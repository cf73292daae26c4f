/**
 * Spring Boot auto-configuration of tokenkit from {@code tokenkit.*} properties.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.boot;

import org.jspecify.annotations.NullMarked;
