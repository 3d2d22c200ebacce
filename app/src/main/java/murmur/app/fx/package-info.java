/**
 * Glue between the domain's plain observables and JavaFX: {@link murmur.app.fx.OnUi} moves {@code Live} updates and
 * future completions onto the UI thread, {@link murmur.app.fx.Activatable} lets a view model subscribe only while
 * its view is shown, and {@link murmur.app.fx.Problems} turns failures into sentences.
 */
package murmur.app.fx;
