/**
 * jit-java's figures as Micrometer meters: {@link dev.jitjava.micrometer.JitMetrics}, a
 * {@code JitListener} and a {@code MeterBinder}.
 */
package dev.jitjava.micrometer;
