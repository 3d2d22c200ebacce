package murmur.timeline.dissemination;

/**
 * How far one author's log goes on some peer: one entry of a version vector, as in Peerster's status messages.
 *
 * @param author the author
 * @param seq    the highest sequence number held (in a request: the one the asker has; posts after it are wanted)
 */
record LogPosition(String author, long seq) {}
