/** Tests of post intake and storage. */
package murmur.timeline.post;
