/**
 * The wire primitives every Murmur protocol uses: {@link murmur.transport.WireWriter} and
 * {@link murmur.transport.WireReader} (big-endian; counts in two bytes, lengths in four, strict UTF-8, every length
 * bounded by the caller) and {@link murmur.transport.MalformedInputException}, the one error for bad input.
 */
package murmur.transport;
