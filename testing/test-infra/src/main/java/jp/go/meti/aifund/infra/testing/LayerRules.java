package jp.go.meti.aifund.infra.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layers every service keeps, each package at one level: {@code rest} and {@code inbound}
 * (the consumers of topics) above {@code service}, which is above {@code repository} and
 * {@code outbound} (the events a change writes), which are above {@code aggregate} (the entities,
 * each changing its state only through its own methods), which stands on {@code domain} (plain
 * Java). A layer uses only layers below it. A service's architecture test extends this with its own root package; every package
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
    void aggregatesStandOnTheDomainAlone() {
        check(classes().that().resideInAPackage(root + ".aggregate..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(root + ".aggregate..", root + ".domain..",
                        "java..", "jakarta.persistence.."))
                .because("an aggregate's rules are unit-tested without Quarkus; it is mapped to its table, nothing more"));
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
                .should().dependOnClassesThat().resideInAnyPackage(root + ".repository..", root + ".aggregate..")
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

    @Test
    void onlyAnAggregateChangesItsState() {
        check(classes().should(assignNoFieldOfAnotherEntity())
                .because("an aggregate changes its state and money only through its own intention-revealing "
                        + "methods, where its rules are; everyone else asks it"));
    }

    /** An assignment to a field of an {@code @Entity} from any class but that entity (and its nested classes). */
    private static ArchCondition<JavaClass> assignNoFieldOfAnotherEntity() {
        return new ArchCondition<>("assign no field of another entity") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (JavaFieldAccess access : origin.getFieldAccessesFromSelf()) {
                    JavaClass owner = access.getTargetOwner();
                    if (access.getAccessType() == AccessType.SET && isEntity(owner) && !owner.equals(outermost(origin))) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isEntity(JavaClass owner) {
        return owner.isAnnotatedWith("jakarta.persistence.Entity");
    }

    private static JavaClass outermost(JavaClass c) {
        return c.getEnclosingClass().map(LayerRules::outermost).orElse(c);
    }

    private void check(ArchRule rule) {
        rule.check(classes);
    }
}
