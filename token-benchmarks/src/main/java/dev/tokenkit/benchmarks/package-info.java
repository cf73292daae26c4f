/**
 * JMH benchmarks and the HTTP load harness of tokenkit; each figure is reported beside a baseline measured in the
 * same run. See {@code docs/performance.md}.
 */
@NullMarked
package dev.tokenkit.benchmarks;

import org.jspecify.annotations.NullMarked;
