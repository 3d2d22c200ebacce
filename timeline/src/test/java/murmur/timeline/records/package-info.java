/** Tests of what a user's records hold across logins and reach followers, on the in-memory tier. */
package murmur.timeline.records;
