package murmur.app.shell;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses JavaFX's renderer before the toolkit starts. On Linux with no graphics device ({@code /dev/dri} empty or
 * absent: a virtual machine, a remote desktop, Xvfb) OpenGL is only Mesa's llvmpipe, a software emulation that maps
 * 44 MB of LLVM and keeps about 15 MB more of its own, and draws no faster than JavaFX's own software renderer. There
 * the window uses that renderer ({@code prism.order=sw}), and GTK is told not to open OpenGL either
 * ({@code GDK_GL=disable}, which it reads from the environment as the toolkit starts): together 60 MB less RSS at the
 * sign-in screen ({@code bench startup}). With a graphics device, or when the user chose ({@code -Dprism.order},
 * {@code GDK_GL}), nothing changes.
 *
 * <p>The software renderer also gets no region cache ({@code prism.disableRegionCaching}): that cache keeps drawn
 * backgrounds in one 2048 x 1024 texture, which in software is an {@code int[]} of 8 MB on the Java heap for as long
 * as the window lives; drawing our few rounded backgrounds again each frame costs less than that. On a GPU the cache
 * is in video memory and stays.
 */
final class Rendering {
    private static final Logger LOG = LoggerFactory.getLogger(Rendering.class);
    private static final Path GRAPHICS_DEVICES = Path.of("/dev/dri");
    private static final String REGION_CACHING = "prism.disableRegionCaching";

    private Rendering() {}

    /** Applies the choice to this process: call before JavaFX starts. */
    static void chooseBeforeStart() {
        if (!softwareRenderer(System.getProperty("os.name"), System.getProperty("prism.order"),
                hasGraphicsDevice(GRAPHICS_DEVICES))) {
            return;
        }
        System.setProperty("prism.order", "sw");
        if (System.getProperty(REGION_CACHING) == null) {
            System.setProperty(REGION_CACHING, "true");
        }
        setEnvironmentUnlessSet("GDK_GL", "disable");
        LOG.debug("no graphics device in {}: JavaFX's software renderer, no region cache, GTK without OpenGL",
                GRAPHICS_DEVICES);
    }

    /** Whether to use the software renderer: on Linux, with no device to render on, unless the user chose one. */
    static boolean softwareRenderer(String osName, String prismOrder, boolean graphicsDevice) {
        return osName != null && osName.toLowerCase(Locale.ROOT).contains("linux") && prismOrder == null
                && !graphicsDevice;
    }

    /** Whether {@code dir} (normally {@code /dev/dri}) holds a device: a GPU's card or render node. */
    static boolean hasGraphicsDevice(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> devices = Files.list(dir)) {
            return devices.anyMatch(d -> {
                String name = d.getFileName().toString();
                return name.startsWith("card") || name.startsWith("renderD");
            });
        } catch (IOException unreadable) {
            return true;   // unsure: leave JavaFX's own choice alone
        }
    }

    /**
     * Sets a variable in this process's environment, which native libraries loaded later (GTK) read; one the user set
     * stays. Java has no call for it, so this calls the C library's {@code setenv}.
     */
    @SuppressWarnings("restricted")   // a native call: the launchers allow it (scripts/jvm/native-access.options)
    private static void setEnvironmentUnlessSet(String name, String value) {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
            try (Arena arena = Arena.ofConfined()) {
                int result = (int) setenv.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 0);
                if (result != 0) {
                    LOG.debug("setenv {} failed: {}", name, result);
                }
            }
        } catch (Throwable e) {   // no C library call: GTK then opens OpenGL as before, which only costs memory
            LOG.debug("cannot set {}: {}", name, e.toString());
        }
    }
}
