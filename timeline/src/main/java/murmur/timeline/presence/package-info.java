/** Who is online: the user's own {@code presence/<name>} record, refreshed while logged in, and reading others'. */
package murmur.timeline.presence;
