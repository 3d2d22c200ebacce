/** The DHT key schema and the JSON values of the records stored under it. */
package murmur.timeline.records;
