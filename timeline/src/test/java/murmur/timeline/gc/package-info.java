/** Tests of the post collector. */
package murmur.timeline.gc;
