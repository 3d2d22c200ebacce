/**
 * SNTP server mode (RFC 4330): {@link murmur.bootstrap.sntp.SntpServer} answers time requests from the node's own
 * clock, so peers on a network without internet still agree on time.
 */
package murmur.bootstrap.sntp;
