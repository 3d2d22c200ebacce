/**
 * k-buckets: contacts by shared id prefix, least recently seen first, with replacement caches.
 */
package murmur.dht.routing;
