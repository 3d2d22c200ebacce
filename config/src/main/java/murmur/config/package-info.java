/**
 * Typed settings of every Murmur component. {@link murmur.config.SettingsLoader} reads the defaults shipped in
 * {@code murmur/defaults.yaml}, merges an optional user file and then command-line overrides, and returns an
 * immutable {@link murmur.config.MurmurSettings}. There is no static global: callers pass settings on.
 */
package murmur.config;
