/** Accounts: the {@code user/<name>} record, the password-sealed private key, and login throttling. */
package murmur.timeline.identity;
