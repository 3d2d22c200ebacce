/** Tests of observable values. */
package murmur.timeline.observe;
