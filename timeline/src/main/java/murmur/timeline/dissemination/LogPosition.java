package murmur.timeline.dissemination;

/**
 * How far one device log of an author goes on some peer: one entry of a version vector, as in Peerster's status
 * messages.
 *
 * @param author the author
 * @param device the device whose log it is ({@link murmur.timeline.Post#device()})
 * @param seq    the highest sequence number held (in a request: the one the asker has; posts after it are wanted)
 */
record LogPosition(String author, String device, long seq) {}
