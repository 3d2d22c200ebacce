/**
 * What every Murmur protocol shares: {@link murmur.transport.WireWriter} and {@link murmur.transport.WireReader}
 * (big-endian; counts in two bytes, lengths in four, strict UTF-8, every length bounded by the caller),
 * {@link murmur.transport.MalformedInputException}, the one error for bad input, and
 * {@link murmur.transport.Ed25519} signature checks on raw keys.
 */
package murmur.transport;
