/** Helpers for the app's TestFX tests. */
package murmur.app.testing;
