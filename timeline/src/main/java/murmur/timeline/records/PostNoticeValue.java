package murmur.timeline.records;

/**
 * The value of a reply or mention notice in {@code notifications/<name>} (and sent directly), signed by
 * {@code from}: it names the post and carries its opening words, so the notified user sees them at once. Read it
 * where {@link NotificationValue#kind()} is {@code REPLY} or {@code MENTION}.
 *
 * @param kind     {@code REPLY} or {@code MENTION}
 * @param from     who replied or mentioned
 * @param atMillis when
 * @param device   the device log of {@code from}'s post
 * @param seq      its sequence number there
 * @param excerpt  its opening words (at most {@code PostNotices.EXCERPT_CHARS} code points)
 */
public record PostNoticeValue(String kind, String from, long atMillis, String device, long seq, String excerpt) {}
