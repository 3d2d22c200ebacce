/** The {@code bench} and {@code sim} subcommands of {@code murmur}, plugged in through {@code ExtraCommands}. */
package murmur.tools.cli;
