/** Notifications: follow and unfollow events, those from while the user was away and those arriving live. */
package murmur.timeline.notify;
