/** Plain observable state for the UI, without JavaFX: {@link murmur.timeline.observe.Live} values and listeners. */
package murmur.timeline.observe;
