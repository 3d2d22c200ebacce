package murmur.app.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting for a view that replaces another (sign-in, then the timeline). The scene graph may be read only on the
 * FX thread: a lookup from the test thread while the window swaps its root can meet a node without a scene, which
 * TestFX's click then trips over. So the check runs on the FX thread, and the click waits for the FX queue.
 */
public final class FxWait {
    private FxWait() {}

    /** Waits until a node matching {@code query} is visible in a showing window, then for pending FX work. */
    public static void shown(FxRobot robot, String query, Duration limit) {
        await().atMost(limit).until(() -> WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery()
                .filter(FxWait::isShown).isPresent()).get(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean isShown(Node n) {
        return n.isVisible() && n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing();
    }
}
