package murmur.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DesktopClientTest {

    @Test
    void onLinuxAWindowNeedsAnX11OrWaylandDisplay() {
        assertThat(DesktopClient.missingDisplay(Map.of(), "Linux")).hasValueSatisfying(
                why -> assertThat(why).contains("DISPLAY", "WAYLAND_DISPLAY"));
        assertThat(DesktopClient.missingDisplay(Map.of("DISPLAY", " "), "Linux")).isPresent();
        assertThat(DesktopClient.missingDisplay(Map.of("DISPLAY", ":0"), "Linux")).isEmpty();
        assertThat(DesktopClient.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux")).isEmpty();
    }

    @Test
    void windowsAndMacAlwaysHaveOne() {
        assertThat(DesktopClient.missingDisplay(Map.of(), "Windows 11")).isEmpty();
        assertThat(DesktopClient.missingDisplay(Map.of(), "Mac OS X")).isEmpty();
    }
}
