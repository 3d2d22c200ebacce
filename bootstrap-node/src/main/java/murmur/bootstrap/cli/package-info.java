/** The {@code murmur bootstrap} command line: {@link murmur.bootstrap.cli.BootstrapCli}. */
package murmur.bootstrap.cli;
