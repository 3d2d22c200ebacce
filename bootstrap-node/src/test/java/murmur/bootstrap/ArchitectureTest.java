package murmur.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Murmur's module-wide rules: JavaFX only in the app, SLF4J only, printing only from command-line entry points. */
@AnalyzeClasses(packages = "murmur.bootstrap", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule JAVAFX_ONLY_IN_APP = noClasses().that().resideOutsideOfPackage("murmur.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule SLF4J_ONLY = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.util.logging..", "org.apache.logging.log4j..", "org.apache.commons.logging..")
            .because("Murmur logs through SLF4J").allowEmptyShould(true);

    @ArchTest
    static final ArchRule PRINT_ONLY_FROM_CLI = noClasses().that().resideOutsideOfPackage("..cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("only command-line entry points print; everything else logs").allowEmptyShould(true);
}
