/**
 * The home timeline and the compose box: {@link murmur.app.feed.TimelineViewModel} turns the live timeline into
 * {@link murmur.app.feed.PostItem}s with relative times; {@link murmur.app.feed.ComposeViewModel} counts characters
 * against the limit and posts without blocking the UI.
 */
package murmur.app.feed;
