/**
 * The window and its wiring: {@link murmur.app.shell.MurmurWindow} shows sign-in, then the main view with
 * navigation, pages, "Who to follow" and the status bar; {@link murmur.app.shell.DesktopClient} starts JavaFX for
 * a running peer and signs out cleanly when the window closes.
 */
package murmur.app.shell;
