/** Crash tests: a peer in a child JVM killed with SIGKILL. */
package murmur.timeline.crash;
