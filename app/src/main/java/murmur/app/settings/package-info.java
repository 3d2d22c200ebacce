/**
 * The Settings page: change the password, show the recovery phrase again after the password, and the account's
 * devices. {@link murmur.app.settings.SettingsViewModel} alone calls the domain.
 */
package murmur.app.settings;
