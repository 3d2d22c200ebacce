/** Tests of sealed keys and account records. */
package murmur.timeline.identity;
