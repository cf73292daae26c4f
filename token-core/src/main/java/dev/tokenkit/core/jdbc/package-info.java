/**
 * JDBC token store, login-attempt counts and account repository for H2 and PostgreSQL, with their schema.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.core.jdbc;

import org.jspecify.annotations.NullMarked;
