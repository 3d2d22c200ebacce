/**
 * {@code murmur bench login}: how long a user signing in on a second device, on an empty data directory, waits for
 * a complete timeline.
 */
package murmur.tools.login;
