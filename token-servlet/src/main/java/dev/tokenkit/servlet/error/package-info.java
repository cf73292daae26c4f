/**
 * tokenkit's protocol errors as values: what each refusal answers (status, code, fixed message, headers, and the
 * {@code WWW-Authenticate} challenge whose realm the writer adds), made in one place.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.servlet.error;

import org.jspecify.annotations.NullMarked;
