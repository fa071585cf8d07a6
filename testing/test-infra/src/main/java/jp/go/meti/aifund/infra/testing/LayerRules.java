package jp.go.meti.aifund.infra.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers every service keeps, each package at one level: {@code rest} and {@code inbound}
 * (the consumers of topics) above {@code service}, which is above {@code domain} (plain Java),
 * {@code repository} and {@code outbound} (the events a change writes). A layer uses only layers
 * below it. A service's architecture test extends this with its own root package; every package
 * named must exist there, so that each rule can fail. (Plain Jupiter tests calling {@code check}:
 * ArchUnit's own JUnit engine is not discovered on this JUnit platform.)
 */
public abstract class LayerRules {

    private static final String[] SHARED_DOMAIN = {"jp.go.meti.aifund.kernel..", "jp.go.meti.aifund.scoring.."};

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
    void nothingCallsTheEntryPoints() {
        check(noClasses().that().resideOutsideOfPackages(root + ".rest..", root + ".inbound..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".rest..", root + ".inbound..")
                .because("resources and consumers are where requests and events come in; nothing calls them"));
    }

    @Test
    void entryPointsDoNotTouchPersistence() {
        check(noClasses().that().resideInAnyPackage(root + ".rest..", root + ".inbound..")
                .should().dependOnClassesThat().resideInAPackage(root + ".repository..")
                .because("resources and consumers hand over to the service; entities never leave it"));
    }

    @Test
    void resourcesSayWhatTheyAnswerWith() {
        check(classes().that().areAnnotatedWith("jakarta.ws.rs.Path").should().beAnnotatedWith("jakarta.ws.rs.Produces")
                .because("an Accept header the API does not answer must get a 406 problem document, not another "
                        + "writer's rendering of the answer (a list once came back as Java's toString for text/html)"));
    }

    @Test
    void resourcesDoNotWriteEvents() {
        check(noClasses().that().resideInAPackage(root + ".rest..")
                .should().dependOnClassesThat().resideInAPackage(root + ".outbound..")
                .because("an event is written by the service, in the transaction of its change"));
    }

    @Test
    void theLowerLayersDoNotCallUp() {
        check(noClasses().that().resideInAnyPackage(root + ".repository..", root + ".outbound..")
                .should().dependOnClassesThat().resideInAPackage(root + ".service..")
                .because("the service calls persistence and the event writers, never the other way round"));
        check(noClasses().that().resideInAPackage(root + ".repository..")
                .should().dependOnClassesThat().resideInAPackage(root + ".outbound.."));
    }

    private void check(ArchRule rule) {
        rule.check(classes);
    }
}
