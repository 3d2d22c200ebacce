/**
 * {@code murmur demo}'s living network, without JavaFX: {@link murmur.app.demo.Demo} starts bootstrap nodes on
 * loopback and a handful of headless users who follow each other, post now and then and follow back newcomers, and
 * reports what happens as lines of text.
 */
package murmur.app.demo;
