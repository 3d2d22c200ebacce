package murmur.app.cli;

/** What a user gets from {@code demo} and {@code app} until the JavaFX client exists. */
final class ClientStatus {

    static final String NOT_BUILT = String.join(System.lineSeparator(),
            "The Murmur desktop client (JavaFX) is not built yet.",
            "What exists today:",
            "  ./murmur demo               a local DHT: signed records and sets written and read across peers",
            "  ./murmur bootstrap --help   a bootstrap node daemon (persistent DHT node, status file)",
            "  ./murmur bench --help       benchmarks",
            "  ./murmur sim --help         simulations",
            "  mvn -B verify               every test");

    private ClientStatus() {}
}
