/**
 * The versioned binary wire format: messages as records, and the codec that reads hostile bytes safely.
 */
package murmur.dht.wire;
