package murmur.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import javafx.animation.AnimationTimer;
import javafx.animation.Timeline;
import murmur.architecture.MurmurRules;

/** Murmur's module-wide rules ({@link MurmurRules}) on this module's classes, and the app's own. */
@AnalyzeClasses(packages = "murmur.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests MURMUR_RULES = ArchTests.in(MurmurRules.class);

    /**
     * While any JavaFX animation runs, JavaFX pulses at 60 Hz, whatever its key frames say: a {@code Timeline} or
     * {@code AnimationTimer} used as a clock keeps an idle window busy for the whole session. Periodic work runs on a
     * scheduler and hands its result to the FX thread; short transitions stay allowed.
     */
    @ArchTest
    static final ArchRule NO_ANIMATIONS_AS_CLOCKS = noClasses().should().dependOnClassesThat()
            .belongToAnyOf(Timeline.class, AnimationTimer.class)
            .because("a running animation keeps JavaFX pulsing at 60 Hz while the window is idle");
}
