package murmur.app.netns;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** Prints the body at the URL in its argument: how a test reads a bootstrap node's loopback-only admin endpoint. */
public final class HttpGet {
    private HttpGet() {}

    public static void main(String[] args) throws Exception {
        URL url = URI.create(args[0]).toURL();
        try (InputStream in = url.openStream()) {
            System.out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
