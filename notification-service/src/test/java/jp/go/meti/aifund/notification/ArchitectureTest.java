package jp.go.meti.aifund.notification;

import jp.go.meti.aifund.infra.testing.LayerRules;

/** The shared layer rules, checked against this service's packages. */
class ArchitectureTest extends LayerRules {

    ArchitectureTest() {
        super("jp.go.meti.aifund.notification");
    }
}
