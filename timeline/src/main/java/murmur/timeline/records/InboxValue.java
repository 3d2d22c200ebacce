package murmur.timeline.records;

/**
 * The value of {@code inbox/<name>}: notifications up to this time have been shown to the user on some machine.
 *
 * @param clearedUntilMillis the newest notification already seen
 */
public record InboxValue(long clearedUntilMillis) {}
