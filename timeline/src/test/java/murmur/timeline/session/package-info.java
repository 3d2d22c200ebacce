/** Tests of registration, login and logout, on the in-memory tier. */
package murmur.timeline.session;
