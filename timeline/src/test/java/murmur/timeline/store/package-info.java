/** Tests of the local store: the data-directory lock. */
package murmur.timeline.store;
