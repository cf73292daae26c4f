/**
 * Token services, policies and the principal a valid token stands for; no Servlet API, no Spring web.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.core;

import org.jspecify.annotations.NullMarked;
