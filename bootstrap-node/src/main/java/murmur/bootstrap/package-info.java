/**
 * The bootstrap-node daemon: an ordinary DHT node with a fixed address that lets new peers in and keeps the
 * network's data alive. {@link murmur.bootstrap.BootstrapDaemon} owns its lifecycle and status file.
 */
package murmur.bootstrap;
