package murmur.app.cli;

/** What a user gets from {@code demo} and {@code app} until the JavaFX client exists. */
final class ClientStatus {

    static final String NOT_BUILT = String.join(System.lineSeparator(),
            "The Murmur desktop client (JavaFX) is not built yet.",
            "What exists today:",
            "  ./murmur bootstrap --help   a bootstrap node daemon (loads and checks settings; DHT not wired yet)",
            "  ./murmur bench --help       benchmarks",
            "  ./murmur sim --help         simulations",
            "  mvn -B verify               every test");

    private ClientStatus() {}
}
