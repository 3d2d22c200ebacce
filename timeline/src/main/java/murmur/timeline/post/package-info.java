/** Posts: creating the user's own signed log, checking received posts, and keeping both on disk. */
package murmur.timeline.post;
