/**
 * Follow and unfollow events, including those from while the user was away, with an unread count:
 * {@link murmur.app.notifications.NotificationsViewModel} and its view.
 */
package murmur.app.notifications;
