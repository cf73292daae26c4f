/**
 * Observing tokenkit's work: issues, token checks, revocations and store calls, each timed with its outcome and, for a
 * failure, a {@link dev.tokenkit.core.observation.FailureReason}. The SPI ({@link TokenObservers}) needs no library;
 * {@link MicrometerTokenObservers} and {@link TokenKitMeterObservationHandler} bring them to Micrometer's Observation
 * API and meters, which are optional dependencies: an app without Micrometer uses {@link TokenObservers#none()}.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.core.observation;

import org.jspecify.annotations.NullMarked;
