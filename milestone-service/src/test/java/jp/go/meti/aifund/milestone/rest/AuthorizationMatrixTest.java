package jp.go.meti.aifund.milestone.rest;

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
        Set<String> readers = andVerifier(anyRole());
        allowed.put("GET /api/programmes/{programmeId}", readers);
        allowed.put("GET /api/programmes/{programmeId}/fiscal-years/{fiscalYear}/milestones", readers);
        allowed.put("POST /api/programmes/{programmeId}/fiscal-years/{fiscalYear}/milestones", Set.of(Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN));
        allowed.put("POST /api/programmes/{programmeId}/goals", Set.of(Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN));
        allowed.put("GET /api/programmes/{programmeId}/goals", readers);
        allowed.put("GET /api/programmes/{programmeId}/goals/{goalId}", readers);
        allowed.put("GET /api/milestones/{milestoneId}", readers);
        allowed.put("PUT /api/milestones/{milestoneId}", Set.of(Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN));
        allowed.put("DELETE /api/milestones/{milestoneId}", Set.of(Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN));
        allowed.put("POST /api/programmes/{programmeId}/fiscal-years/{fiscalYear}/reviews", Set.of(Roles.NEDO_OFFICER));
        allowed.put("GET /api/reviews", readers);
        allowed.put("GET /api/reviews/overdue", Set.of(Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.AUDITOR));
        allowed.put("GET /api/reviews/{reviewId}", readers);
        allowed.put("PUT /api/reviews/{reviewId}/results/{milestoneId}", Set.of(Roles.NEDO_OFFICER));
        allowed.put("DELETE /api/reviews/{reviewId}/results/{milestoneId}", Set.of(Roles.NEDO_OFFICER));
        allowed.put("POST /api/reviews/{reviewId}/submit", Set.of(Roles.NEDO_OFFICER));
        allowed.put("POST /api/reviews/{reviewId}/return", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/reviews/{reviewId}/finalize", Set.of(Roles.METI_OFFICIAL));
        allowed.put("POST /api/reviews/{reviewId}/amendments", Set.of(Roles.NEDO_OFFICER, Roles.METI_OFFICIAL));
        allowed.put("GET /api/reviews/{reviewId}/result-drafts", readers);
        allowed.put("PUT /api/reviews/{reviewId}/result-drafts/{milestoneId}", Set.of(Roles.CONSORTIUM_MEMBER));
        allowed.put("POST /api/reviews/{reviewId}/result-drafts/{milestoneId}/accept", Set.of(Roles.NEDO_OFFICER));
        allowed.put("POST /api/reviews/{reviewId}/result-drafts/{milestoneId}/return", Set.of(Roles.NEDO_OFFICER));
        allowed.put("PUT /api/reviews/{reviewId}/results/{milestoneId}/verification", Set.of(Roles.VERIFIER));
        allowed.put("GET /api/programmes/{programmeId}/review-settings", readers);
        allowed.put("PUT /api/programmes/{programmeId}/review-settings", Set.of(Roles.PROGRAMME_ADMIN));
        allowed.put("POST /api/conflicts", Set.of(Roles.NEDO_OFFICER, Roles.METI_OFFICIAL, Roles.PROGRAMME_ADMIN, Roles.VERIFIER));
        allowed.put("GET /api/conflicts/{conflictId}", Set.of(Roles.NEDO_OFFICER, Roles.METI_OFFICIAL, Roles.PROGRAMME_ADMIN, Roles.AUDITOR, Roles.VERIFIER));
        allowed.put("GET /api/conflicts", Set.of(Roles.NEDO_OFFICER, Roles.METI_OFFICIAL, Roles.PROGRAMME_ADMIN, Roles.AUDITOR, Roles.VERIFIER));
        return allowed;
    }
}
