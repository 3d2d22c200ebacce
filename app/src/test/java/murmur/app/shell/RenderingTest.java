package murmur.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingTest {

    @Test
    void softwareRendererOnlyOnLinuxWithoutAGraphicsDeviceAndWithoutTheUsersChoice() {
        assertThat(Rendering.softwareRenderer("Linux", null, false)).isTrue();
        assertThat(Rendering.softwareRenderer("Linux", null, true)).as("a GPU").isFalse();
        assertThat(Rendering.softwareRenderer("Linux", "es2", false)).as("the user chose").isFalse();
        assertThat(Rendering.softwareRenderer("Windows 11", null, false)).isFalse();
        assertThat(Rendering.softwareRenderer("Mac OS X", null, false)).isFalse();
    }

    @Test
    void aCardOrRenderNodeIsAGraphicsDevice(@TempDir Path dir) throws IOException {
        Path dri = dir.resolve("dri");
        assertThat(Rendering.hasGraphicsDevice(dri)).as("no /dev/dri at all").isFalse();
        Files.createDirectory(dri);
        assertThat(Rendering.hasGraphicsDevice(dri)).as("empty").isFalse();
        Files.createDirectory(dri.resolve("by-path"));
        assertThat(Rendering.hasGraphicsDevice(dri)).as("only by-path").isFalse();
        Files.createFile(dri.resolve("renderD128"));
        assertThat(Rendering.hasGraphicsDevice(dri)).isTrue();
    }
}
