package jp.go.meti.aifund.funding.rest;

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
        allowed.put("POST /api/programmes", Set.of(Roles.PROGRAMME_ADMIN));
        allowed.put("GET /api/programmes", anyRole());
        allowed.put("GET /api/programmes/{programmeId}", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/envelopes", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/envelopes/{fiscalYear}", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/recipients/{recipientId}", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/tranches/{trancheId}/return-orders/{orderId}", anyRole());
        allowed.put("PUT /api/programmes/{programmeId}/envelopes/{fiscalYear}", Set.of(Roles.PROGRAMME_ADMIN));
        allowed.put("POST /api/programmes/{programmeId}/envelopes/{fiscalYear}/gate-override", Set.of(Roles.METI_OFFICIAL));
        allowed.put("GET /api/programmes/{programmeId}/recipients", anyRole());
        allowed.put("POST /api/programmes/{programmeId}/recipients", Set.of(Roles.PROGRAMME_ADMIN));
        allowed.put("GET /api/programmes/{programmeId}/tranches", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/tranches/{trancheId}", anyRole());
        allowed.put("POST /api/programmes/{programmeId}/tranches", Set.of(Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN));
        allowed.put("POST /api/programmes/{programmeId}/tranches/{trancheId}/approve", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/programmes/{programmeId}/tranches/{trancheId}/disburse", Set.of(Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN));
        allowed.put("POST /api/programmes/{programmeId}/tranches/{trancheId}/hold", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/programmes/{programmeId}/tranches/{trancheId}/release", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/programmes/{programmeId}/tranches/{trancheId}/reduce", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/programmes/{programmeId}/tranches/{trancheId}/cancel", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/programmes/{programmeId}/tranches/{trancheId}/recover", Set.of(Roles.METI_OFFICIAL));
        allowed.put("GET /api/programmes/{programmeId}/ledger", Set.of(Roles.AUDITOR, Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL));
        allowed.put("GET /api/programmes/{programmeId}/ledger/verification", Set.of(Roles.AUDITOR, Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL));
        allowed.put("GET /api/programmes/{programmeId}/pullbacks", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/pullbacks/{pullbackId}", anyRole());
        allowed.put("POST /api/programmes/{programmeId}/pullbacks/{pullbackId}/decision", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/programmes/{programmeId}/pullbacks/{pullbackId}/decision/confirm", Set.of(Roles.METI_OFFICIAL));
        allowed.put("GET /api/programmes/{programmeId}/hearings", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/hearings/{hearingId}", anyRole());
        allowed.put("POST /api/programmes/{programmeId}/hearings/{hearingId}/response", Set.of(Roles.CONSORTIUM_MEMBER));
        allowed.put("POST /api/programmes/{programmeId}/hearings/{hearingId}/objection", Set.of(Roles.CONSORTIUM_MEMBER));
        allowed.put("POST /api/programmes/{programmeId}/hearings/{hearingId}/objection/ruling", Set.of(Roles.METI_OFFICIAL));
        allowed.put("GET /api/programmes/{programmeId}/tranches/{trancheId}/decisions", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/tranches/{trancheId}/decisions/{decisionId}", anyRole());
        allowed.put("POST /api/programmes/{programmeId}/tranches/{trancheId}/decisions", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/programmes/{programmeId}/tranches/{trancheId}/decisions/{decisionId}/confirm", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/programmes/{programmeId}/tranches/{trancheId}/decisions/{decisionId}/reject", Set.of(Roles.METI_OFFICIAL));
        allowed.put("GET /api/programmes/{programmeId}/tranches/{trancheId}/return-orders", anyRole());
        allowed.put("POST /api/programmes/{programmeId}/tranches/{trancheId}/return-orders/{orderId}/settle", Set.of(Roles.METI_OFFICIAL));
        allowed.put("GET /api/programmes/{programmeId}/share-tables", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/share-tables/{shareTableId}", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/membership", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/membership/paid", anyRole());
        allowed.put("POST /api/programmes/{programmeId}/share-tables", Set.of(Roles.METI_OFFICIAL));
        allowed.put("GET /api/programmes/{programmeId}/year-end-report", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/envelopes/{fiscalYear}/close", anyRole());
        allowed.put("POST /api/programmes/{programmeId}/envelopes/{fiscalYear}/close", Set.of(Roles.METI_OFFICIAL));
        allowed.put("GET /api/programmes/{programmeId}/budget-decisions", anyRole());
        allowed.put("GET /api/programmes/{programmeId}/budget-decisions/{decisionId}", anyRole());
        allowed.put("POST /api/programmes/{programmeId}/budget-decisions", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/programmes/{programmeId}/budget-decisions/{decisionId}/confirm", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/programmes/{programmeId}/budget-decisions/{decisionId}/reject", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/programmes/{programmeId}/share-tables/{shareTableId}/confirm", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/programmes/{programmeId}/share-tables/{shareTableId}/reject", Set.of(Roles.METI_OFFICIAL));
        return allowed;
    }
}
