/**
 * The status bar: online or offline, DHT peers known, the clock's offset and whether a time source answers
 * ({@link murmur.app.status.StatusViewModel}, {@link murmur.app.status.StatusBar}).
 */
package murmur.app.status;
