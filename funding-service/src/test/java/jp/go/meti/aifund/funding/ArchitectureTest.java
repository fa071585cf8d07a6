package jp.go.meti.aifund.funding;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Keeps the layers honest. Plain Jupiter tests calling {@code check} (ArchUnit's own JUnit engine
 * is not discovered on this JUnit platform); every package named here exists, so each rule can fail.
 */
class ArchitectureTest {

    private static final String ROOT = "jp.go.meti.aifund.funding";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void domainIsPlainJava() {
        classes().that().resideInAPackage(ROOT + ".domain..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(ROOT + ".domain..", "jp.go.meti.aifund.platform.domain..", "java..")
                .because("the money rules are unit-tested without any framework").check(CLASSES);
    }

    @Test
    void onlyRestKnowsRest() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".rest..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".rest..").check(CLASSES);
    }

    @Test
    void persistenceDoesNotCallUp() {
        noClasses().that().resideInAPackage(ROOT + ".repository..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".service..", ROOT + ".messaging..")
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotTouchPersistenceOrMessaging() {
        noClasses().that().resideInAPackage(ROOT + ".rest..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".repository..", ROOT + ".messaging..")
                .because("resources map between the API and the service; entities never leave the service")
                .check(CLASSES);
    }
}
