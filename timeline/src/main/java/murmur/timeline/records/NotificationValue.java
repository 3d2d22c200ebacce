package murmur.timeline.records;

/**
 * The value of an entry in {@code notifications/<name>} and of a direct follow notice, signed by {@code from}.
 *
 * @param kind     {@code FOLLOW} or {@code UNFOLLOW}; {@code REPLY} and {@code MENTION} notices carry more
 *                 ({@link PostNoticeValue})
 * @param from     who followed or unfollowed
 * @param atMillis when
 */
public record NotificationValue(String kind, String from, long atMillis) {}
