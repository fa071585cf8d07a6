package jp.go.meti.aifund.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import jp.go.meti.aifund.portal.funding.ApiException;
import jp.go.meti.aifund.portal.funding.api.FiscalYearEnvelopesApi;
import jp.go.meti.aifund.portal.funding.api.ProgrammesApi;
import jp.go.meti.aifund.portal.funding.api.RecipientsApi;
import jp.go.meti.aifund.portal.funding.api.TranchesApi;
import jp.go.meti.aifund.portal.funding.model.AddRecipient;
import jp.go.meti.aifund.portal.funding.model.CreateProgramme;
import jp.go.meti.aifund.portal.funding.model.Decision;
import jp.go.meti.aifund.portal.funding.model.PlanTranche;
import jp.go.meti.aifund.portal.funding.model.Problem;
import jp.go.meti.aifund.portal.funding.model.RecipientRole;
import jp.go.meti.aifund.portal.funding.model.SetEnvelope;
import jp.go.meti.aifund.portal.funding.model.TrancheState;
import jp.go.meti.aifund.portal.funding.model.TrancheView;
import jp.go.meti.aifund.portal.milestone.api.MilestonesApi;
import jp.go.meti.aifund.portal.milestone.model.Direction;
import jp.go.meti.aifund.portal.milestone.model.MilestoneDefinition;
import jp.go.meti.aifund.portal.notification.api.WarningsApi;

/**
 * What a portal team does first: generate a typed client from each OpenAPI document and call the
 * services with it, reading every answer, and every refusal as the document's {@code Problem}.
 */
final class GeneratedClientCheck {

    private GeneratedClientCheck() {
    }

    static void run(PortalClients clients) throws Exception {
        var admin = clients.funding("admin.sato", "programme-admin");
        var programme = new ProgrammesApi(admin).programmeResourceCreate(new CreateProgramme()
                .name("Generated client " + UUID.randomUUID()).ceiling(1_000_000_000L).firstFiscalYear(2026)
                .lastFiscalYear(2030).commissioningMinistry("METI").executingAgency("NEDO"));
        UUID p = programme.getId();
        assertThat(programme.getHeadroom()).isEqualTo(1_000_000_000L);
        new FiscalYearEnvelopesApi(admin).envelopeResourceSet(2026, p, new SetEnvelope().amount(100_000_000L), null);
        UUID noetra = new RecipientsApi(admin).recipientResourceAdd(p, new AddRecipient().name("Noetra")
                .role(RecipientRole.CONSORTIUM)).getId();

        TrancheView planned = new TranchesApi(clients.funding("nedo.tanaka", "nedo-officer"))
                .trancheResourcePlan(p, UUID.randomUUID().toString(), new PlanTranche().fiscalYear(2026)
                        .recipientId(noetra).amount(40_000_000L));
        TranchesApi meti = new TranchesApi(clients.funding("meti.suzuki", "meti-official"));
        // the body of an approval is optional, as the document says
        TrancheView approved = meti.trancheResourceApprove(p, planned.getId(), UUID.randomUUID().toString(), null,
                null);
        // a nullable property inlines its enumeration (OpenAPI 3.0 cannot make a $ref nullable): same values
        assertThat(approved.getState().getValue()).isEqualTo(TrancheState.APPROVED.getValue());
        assertThat(approved.getDisbursedOn()).isNull();
        assertThat(meti.trancheResourceList(p, 2026, 0, null, 20, TrancheState.APPROVED).getTotalItems()).isEqualTo(1);

        assertThatThrownBy(() -> meti.trancheResourceApprove(p, planned.getId(), UUID.randomUUID().toString(),
                null, new Decision().reason("again"))).isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(409);
                    Problem problem = read(refused.getResponseBody());
                    assertThat(problem.getStatus()).isEqualTo(409);
                    assertThat(problem.getType().toString()).startsWith("https://aifund.meti.go.jp/problems/");
                });

        // milestone-service's copy of the programme, from funding-service's event: a 404 until it arrives
        var copies = new jp.go.meti.aifund.portal.milestone.api.ProgrammesApi(clients.milestones("auditor.ito", "auditor"));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> copies.programmeCopyResourceGet(p)
                .getRecipients().size() == 1);
        assertThat(copies.programmeCopyResourceGet(p).getLastFiscalYear()).isEqualTo(2030);
        new MilestonesApi(clients.milestones("nedo.tanaka", "nedo-officer")).milestoneResourceDefine(2026, p,
                new MilestoneDefinition().code("PARAMS").title("Parameters trained").metric("parameters")
                        .unit("parameters").direction(Direction.AT_LEAST).target(new BigDecimal("100000000000"))
                        .threshold(new BigDecimal("60000000000")).weightBasisPoints(10_000).critical(true));
        assertThat(new WarningsApi(clients.notifications("auditor.ito", "auditor"))
                .warningResourceSearch(null, null, 0, p, null, 20, null).getItems()).isNotNull();
    }

    private static Problem read(String body) {
        try {
            return new jp.go.meti.aifund.portal.funding.JSON().getMapper().readValue(body, Problem.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("the refusal is not the document's Problem: " + body, e);
        }
    }
}
