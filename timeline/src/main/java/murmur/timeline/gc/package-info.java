/** The garbage collector that drops posts older than the configured lifespans. */
package murmur.timeline.gc;
