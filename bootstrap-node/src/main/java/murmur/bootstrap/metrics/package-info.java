/**
 * What a bootstrap node counts, in a Micrometer registry rendered in the Prometheus text format:
 * {@link murmur.bootstrap.metrics.NodeMetrics}.
 */
package murmur.bootstrap.metrics;
