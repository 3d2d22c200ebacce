/**
 * The {@code murmur} command: picocli entry point {@link murmur.app.cli.MurmurCli} and its subcommands. Only
 * {@code ..cli..} packages may print to the console; everything else logs through SLF4J.
 */
package murmur.app.cli;
