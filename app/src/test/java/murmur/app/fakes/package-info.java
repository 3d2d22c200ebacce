/** Small hand-written stand-ins for the domain's {@code Accounts} and {@code TimelineService}, for view tests. */
package murmur.app.fakes;
