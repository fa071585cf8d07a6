package jp.go.meti.aifund.funding;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.infra.testing.LayerRules;

/**
 * Keeps the layers honest. Plain Jupiter tests calling the shared rules (ArchUnit's own JUnit
 * engine is not discovered on this JUnit platform).
 */
class ArchitectureTest {

    private static final LayerRules RULES = new LayerRules("jp.go.meti.aifund.funding");

    @Test
    void domainIsPlainJava() {
        RULES.domainIsPlainJava();
    }

    @Test
    void onlyRestKnowsRest() {
        RULES.onlyRestKnowsRest();
    }

    @Test
    void persistenceDoesNotCallUp() {
        RULES.persistenceDoesNotCallUp();
    }

    @Test
    void resourcesDoNotTouchPersistenceOrMessaging() {
        RULES.resourcesDoNotTouchPersistenceOrMessaging();
    }

    @Test
    void messagingDoesNotCallTheService() {
        RULES.messagingDoesNotCallTheService();
    }
}
