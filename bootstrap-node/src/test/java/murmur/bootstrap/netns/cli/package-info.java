/** A plain DHT peer driven over stdin/stdout, run inside a network namespace by the netns IT. */
package murmur.bootstrap.netns.cli;
