/** Tests of notifications: from while away and live, and what is read, on the in-memory tier. */
package murmur.timeline.notify;
