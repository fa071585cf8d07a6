package jp.go.meti.aifund.scoring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The scoring rule is plain Java over the kernel: milestone-service decides with it, what-if previews with it. */
class ScoringIsPlainJavaTest {

    @Test
    void theRuleDependsOnTheKernelAndTheJdkOnly() {
        classes().that().resideInAPackage("jp.go.meti.aifund.scoring..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jp.go.meti.aifund.kernel..",
                        "jp.go.meti.aifund.scoring..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("jp.go.meti.aifund.scoring"));
    }
}
