package jp.go.meti.aifund.notification.rest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import jp.go.meti.aifund.infra.testing.AuthorizationMatrix;
import jp.go.meti.aifund.platform.rest.Roles;

/** Who may call what: the decision for every endpoint, checked against every role and kind of token. */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrix {

    @Override
    protected Map<String, Set<String>> allowedRoles() {
        Map<String, Set<String>> allowed = new HashMap<>();
        allowed.put("GET /api/warnings", anyRole());
        allowed.put("GET /api/warnings/stream", anyRole());
        allowed.put("GET /api/warnings/{warningId}", anyRole());
        allowed.put("POST /api/warnings/{warningId}/acknowledge", Set.of(Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN));
        allowed.put("POST /api/warnings/{warningId}/resolve", Set.of(Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN));
        allowed.put("POST /api/webhook-subscriptions", Set.of(Roles.PROGRAMME_ADMIN));
        allowed.put("GET /api/webhook-subscriptions", Set.of(Roles.PROGRAMME_ADMIN, Roles.AUDITOR));
        allowed.put("GET /api/webhook-subscriptions/{subscriptionId}", Set.of(Roles.PROGRAMME_ADMIN, Roles.AUDITOR));
        allowed.put("PATCH /api/webhook-subscriptions/{subscriptionId}", Set.of(Roles.PROGRAMME_ADMIN));
        allowed.put("DELETE /api/webhook-subscriptions/{subscriptionId}", Set.of(Roles.PROGRAMME_ADMIN));
        allowed.put("POST /api/webhook-subscriptions/{subscriptionId}/secret-rotation", Set.of(Roles.PROGRAMME_ADMIN));
        allowed.put("GET /api/webhook-subscriptions/{subscriptionId}/deliveries", Set.of(Roles.PROGRAMME_ADMIN, Roles.AUDITOR));
        allowed.put("POST /api/what-if", Set.of(Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN));
        allowed.put("GET /api/dashboard", anyRole());
        allowed.put("GET /api/dashboard/{programmeId}", anyRole());
        return allowed;
    }

    @Override
    protected Set<String> streaming() {
        return Set.of("GET /api/warnings/stream");
    }
}
