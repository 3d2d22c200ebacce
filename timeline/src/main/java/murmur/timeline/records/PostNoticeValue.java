package murmur.timeline.records;

/**
 * The value of a notice about a post in {@code notifications/<name>} (and sent directly), signed by {@code from}:
 * it names the post and carries its opening words, so the notified user sees them at once. Read it where
 * {@link NotificationValue#kind()} is {@code REPLY}, {@code MENTION}, {@code REPOST}, {@code QUOTE}, {@code LIKE} or
 * {@code UNLIKE}.
 *
 * @param kind     what {@code from} did
 * @param from     who did it
 * @param atMillis when
 * @param device   the device log of the post: {@code from}'s reply, mention, repost or quote; for a like or an
 *                 unlike, the notified user's own post
 * @param seq      its sequence number there
 * @param excerpt  its opening words (at most {@code PostNotices.EXCERPT_CHARS} code points)
 */
public record PostNoticeValue(String kind, String from, long atMillis, String device, long seq, String excerpt) {}
