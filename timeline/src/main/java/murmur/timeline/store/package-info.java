/** The peer's local SQLite database, shared by the feature stores; every write is committed before it is reported. */
package murmur.timeline.store;
