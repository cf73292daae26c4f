/**
 * A resource server that trusts the tokenkit sample's tokens with stock Spring Boot only.
 *
 * @since 0.1.0
 */
package dev.tokenkit.sample.resourceserver;
