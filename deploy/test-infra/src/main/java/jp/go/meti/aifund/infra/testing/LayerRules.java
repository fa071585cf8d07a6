package jp.go.meti.aifund.infra.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers every service keeps: {@code rest → service → (domain, repository, messaging)}, with
 * a domain of plain Java. A service's architecture test extends this with its own root package;
 * every package named must exist there, so that each rule can fail. (Plain Jupiter tests calling
 * {@code check}: ArchUnit's own JUnit engine is not discovered on this JUnit platform.)
 */
public abstract class LayerRules {

    private static final String[] SHARED_DOMAIN = {"jp.go.meti.aifund.platform.domain..", "jp.go.meti.aifund.platform.review.."};

    private final String root;
    private final JavaClasses classes;

    protected LayerRules(String root) {
        this.root = root;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    @Test
    void domainIsPlainJava() {
        check(classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(root + ".domain..", "java..", "javax.crypto.."))
                .because("the rules are unit-tested without any framework"));
    }

    private static String[] concat(String... own) {
        String[] all = new String[own.length + SHARED_DOMAIN.length];
        System.arraycopy(own, 0, all, 0, own.length);
        System.arraycopy(SHARED_DOMAIN, 0, all, own.length, SHARED_DOMAIN.length);
        return all;
    }

    @Test
    void onlyRestKnowsRest() {
        check(noClasses().that().resideOutsideOfPackage(root + ".rest..")
                .should().dependOnClassesThat().resideInAPackage(root + ".rest.."));
    }

    @Test
    void persistenceDoesNotCallUp() {
        check(noClasses().that().resideInAPackage(root + ".repository..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".service..", root + ".messaging.."));
    }

    @Test
    void resourcesDoNotTouchPersistenceOrMessaging() {
        check(noClasses().that().resideInAPackage(root + ".rest..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".repository..", root + ".messaging..")
                .because("resources map between the API and the service; entities never leave the service"));
    }

    @Test
    void messagingDoesNotCallTheService() {
        check(noClasses().that().resideInAPackage(root + ".messaging..").and().haveSimpleNameNotEndingWith("Consumer")
                .should().dependOnClassesThat().resideInAPackage(root + ".service..")
                .because("the service writes events and never the other way round; only a *Consumer hands "
                        + "incoming events to the service"));
    }

    private void check(ArchRule rule) {
        rule.check(classes);
    }
}
