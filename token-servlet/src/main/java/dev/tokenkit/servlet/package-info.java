/**
 * The token-issuing servlet for the DSI and GlobalGiving dialects, the {@code /secure/} filter, and their registration;
 * inside, package-private, the strict reading of requests they share (query strings, headers, bodies, JSON and XML
 * documents).
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.servlet;

import org.jspecify.annotations.NullMarked;
