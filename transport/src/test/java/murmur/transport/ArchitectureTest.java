package murmur.transport;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import murmur.architecture.MurmurRules;

/** Murmur's module-wide rules ({@link MurmurRules}) on this module's classes. */
@AnalyzeClasses(packages = "murmur.transport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests MURMUR_RULES = ArchTests.in(MurmurRules.class);
}
