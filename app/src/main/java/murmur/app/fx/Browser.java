package murmur.app.fx;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens an http(s) link in the system's browser, off the UI thread; anything else is refused. */
public final class Browser {
    private static final Logger LOG = LoggerFactory.getLogger(Browser.class);

    private Browser() {}

    /** Whether {@code url} is a link this opens: an absolute http or https URL. */
    public static boolean opens(String url) {
        try {
            String scheme = URI.create(url).getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static void open(String url) {
        if (!opens(url)) {
            return;
        }
        Thread opener = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(URI.create(url));
                } else if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                    new ProcessBuilder("xdg-open", url).inheritIO().start();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not open {} in a browser: {}", url, e.toString());
            }
        }, "open-link");
        opener.setDaemon(true);
        opener.start();
    }
}
