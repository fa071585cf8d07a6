package jp.go.meti.aifund.funding;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layers honest; every package named here exists, so each rule can fail. */
@AnalyzeClasses(packages = "jp.go.meti.aifund.funding", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "jp.go.meti.aifund.funding";

    @ArchTest
    static final ArchRule domainIsPlainJava = classes().that().resideInAPackage(ROOT + ".domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".domain..", "java..")
            .because("the money rules are unit-tested without any framework");

    @ArchTest
    static final ArchRule onlyRestKnowsRest = noClasses().that().resideOutsideOfPackage(ROOT + ".rest..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".rest..");

    @ArchTest
    static final ArchRule persistenceDoesNotCallUp = noClasses().that().resideInAPackage(ROOT + ".repository..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".service..", ROOT + ".messaging..");

    @ArchTest
    static final ArchRule resourcesDoNotTouchPersistence = noClasses().that().resideInAPackage(ROOT + ".rest..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".repository..", ROOT + ".messaging..")
            .because("resources map between the API and the service; entities never leave the service");
}
