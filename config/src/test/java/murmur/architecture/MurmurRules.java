package murmur.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * Murmur's rules for every module: JavaFX only in the app, SLF4J only, printing only from command-line entry
 * points, other modules only through their API packages ({@link ModuleApi}). Each module runs them on its own
 * classes with {@code ArchTests.in(MurmurRules.class)}.
 */
public final class MurmurRules {

    @ArchTest
    public static final ArchRule JAVAFX_ONLY_IN_APP = noClasses().that().resideOutsideOfPackage("murmur.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule SLF4J_ONLY = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.util.logging..", "org.apache.logging.log4j..", "org.apache.commons.logging..")
            .because("Murmur logs through SLF4J").allowEmptyShould(true);

    @ArchTest
    public static final ArchRule PRINT_ONLY_FROM_CLI = noClasses().that().resideOutsideOfPackage("..cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("only command-line entry points print; everything else logs").allowEmptyShould(true);

    @ArchTest
    public static final ArchRule OTHER_MODULES_ONLY_THROUGH_THEIR_API = classes().should(new ModuleApi())
            .allowEmptyShould(true);

    /** Every package is a slice of its own, the root package included (ArchUnit's patterns leave roots out). */
    @ArchTest
    public static final ArchRule NO_PACKAGE_CYCLES = SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(com.tngtech.archunit.core.domain.JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("murmur.")
                    ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "Murmur packages";
        }
    }).should().beFreeOfCycles().allowEmptyShould(true);

    private MurmurRules() {}
}
