/** Follow relations: the user's own follows, published three ways, and anyone's followers and following. */
package murmur.timeline.follow;
