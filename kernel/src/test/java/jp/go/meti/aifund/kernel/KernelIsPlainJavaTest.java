package jp.go.meti.aifund.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The kernel is plain Java: the services' rules build on it and are unit-tested without a framework. */
class KernelIsPlainJavaTest {

    @Test
    void theKernelDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("jp.go.meti.aifund.kernel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jp.go.meti.aifund.kernel..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("jp.go.meti.aifund.kernel"));
    }
}
