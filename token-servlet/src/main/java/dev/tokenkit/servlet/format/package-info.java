/**
 * Response formats (JSON, JSONP, XML, CSV), their negotiation, and the one writer for every token and error answer.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.servlet.format;

import org.jspecify.annotations.NullMarked;
