/**
 * Moving posts between peers. A new post goes down a binary tree of the author's online followers
 * ({@link murmur.timeline.dissemination.Relay}): the author sends two copies, each follower forwards to two more,
 * a dead child's subtree is adopted by its parent, and receipts flow back up hop by hop. A follower that was away
 * catches up by asking the author, or followers holding the posts, for everything after its last sequence number,
 * in pages. {@link murmur.timeline.dissemination.DisseminationService} is the peer's entry point.
 */
package murmur.timeline.dissemination;
