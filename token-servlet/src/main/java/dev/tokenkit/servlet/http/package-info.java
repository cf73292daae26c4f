/**
 * Reading requests strictly: query strings, headers, bodies, JSON and XML documents, and the protocol errors they
 * raise.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.servlet.http;

import org.jspecify.annotations.NullMarked;
