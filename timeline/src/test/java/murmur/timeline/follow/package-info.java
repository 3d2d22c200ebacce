/** Tests of following and the follower lists, on the in-memory tier. */
package murmur.timeline.follow;
