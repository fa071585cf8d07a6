package jp.go.meti.aifund.milestone.aggregate;

import static jp.go.meti.aifund.milestone.aggregate.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyesViolationException;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.milestone.domain.DraftState;
import jp.go.meti.aifund.milestone.domain.Evidence;
import jp.go.meti.aifund.milestone.domain.Verdict;
import jp.go.meti.aifund.scoring.Assessment;

/** The rules of recipients' drafts, verifiers' verdicts and the verification setting, without infrastructure. */
class ReportAndVerificationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 5, 1);
    private static final String MEMBER = "member.sony";
    private static final String NEDO = "nedo.officer";
    private static final String VERIFIER = "verifier.kato";

    private static ReviewResult.Measured papers(String value) {
        return new ReviewResult.Measured(new BigDecimal(value), "papers", LocalDate.of(2026, 12, 1),
                List.of(new Evidence("https://nedo.example/e/1", "Report", "sha256:" + "ab".repeat(32))), null);
    }

    @Test
    void aDraftObeysTheMilestonesRulesAndAwaitsNedo() {
        Milestone m = milestone("PAPERS");
        ResultDraft d = ResultDraft.draft(draft(), m, papers("90"), RECIPIENT, TODAY, MEMBER, T0);
        assertThat(d.state).isEqualTo(DraftState.PENDING);
        assertThat(d.draftedFor).isEqualTo(RECIPIENT);
        ReviewResult.Measured percent = new ReviewResult.Measured(BigDecimal.TEN, "%", LocalDate.of(2026, 12, 1),
                papers("1").evidence(), null);
        assertThatThrownBy(() -> ResultDraft.draft(draft(), m, percent, RECIPIENT, TODAY, MEMBER, T0))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("unit");
        assertThatThrownBy(() -> ResultDraft.draft(submitted(NEDO), m, papers("90"), RECIPIENT, TODAY, MEMBER, T0))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void nedoAcceptsADraftOnceAndItBecomesTheResultReportedByTheMember() {
        Review review = draft();
        Milestone m = milestone("PAPERS");
        ResultDraft d = ResultDraft.draft(review, m, papers("90"), RECIPIENT, TODAY, MEMBER, T0);
        assertThatThrownBy(() -> d.accept(MEMBER, T1)).as("the member who drafted it, whatever roles they hold")
                .isInstanceOf(FourEyesViolationException.class);
        d.accept(NEDO, T1);
        ReviewResult r = ReviewResult.start(review.id, m).acceptDraft(m, FY, d, TODAY, NEDO, T1);
        assertThat(r.reportedBy).isEqualTo(MEMBER);
        assertThat(r.recordedBy).isEqualTo(NEDO);
        assertThat(r.assessment).isEqualTo(Assessment.PARTIALLY_MET);
        assertThatThrownBy(() -> d.accept(NEDO, T2)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already accepted");
        // NEDO recording the value itself afterwards makes it NEDO's own
        r.recordAgain(m, FY, papers("95"), TODAY, NEDO, T2);
        assertThat(r.reportedBy).isNull();
    }

    @Test
    void aReturnedDraftKeepsTheReasonAndIsDraftedAgainAsPending() {
        Review review = draft();
        Milestone m = milestone("PAPERS");
        ResultDraft d = ResultDraft.draft(review, m, papers("90"), RECIPIENT, TODAY, MEMBER, T0);
        d.returnWith("  The run is not the planned one ", NEDO, T1);
        assertThat(d.state).isEqualTo(DraftState.RETURNED);
        assertThat(d.returnReason).isEqualTo("The run is not the planned one");
        assertThatCode(() -> ResultDraft.requireNonePending(List.of(d), Map.of(m.id, m))).doesNotThrowAnyException();
        d.draftAgain(review, m, papers("85"), RECIPIENT, TODAY, MEMBER, T2);
        assertThat(d.state).isEqualTo(DraftState.PENDING);
        assertThat(d.returnReason).isNull();
        assertThat(d.decidedBy).isNull();
        assertThatThrownBy(() -> ResultDraft.requireNonePending(List.of(d), Map.of(m.id, m)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("PAPERS");
    }

    @Test
    void aVerdictIsGivenOnASubmittedReviewByAnotherThanWhoRecordedReportedOrSubmitted() {
        Review review = draft();
        Milestone m = milestone("PAPERS");
        ResultDraft d = ResultDraft.draft(review, m, papers("90"), RECIPIENT, TODAY, MEMBER, T0);
        d.accept(NEDO, T0);
        ReviewResult r = ReviewResult.start(review.id, m).acceptDraft(m, FY, d, TODAY, NEDO, T0);
        assertThatThrownBy(() -> ResultVerification.of(review, r, Verdict.VERIFIED, "ok", VERIFIER, T1))
                .as("a draft's values may still change").isInstanceOf(ConflictException.class);
        review.submit("nedo.submitter", PASSED, T1);
        for (String notIndependent : List.of(NEDO, MEMBER, "nedo.submitter")) {
            assertThatThrownBy(() -> ResultVerification.of(review, r, Verdict.VERIFIED, "ok", notIndependent, T2))
                    .as(notIndependent).isInstanceOf(FourEyesViolationException.class);
        }
        ResultVerification v = ResultVerification.of(review, r, Verdict.NOT_VERIFIED, " logs missing ", VERIFIER, T2);
        assertThat(v.reason).isEqualTo("logs missing");
        v.give(review, r, Verdict.VERIFIED, "logs supplied", "verifier.mori", T2);
        assertThat(v.verdict).isEqualTo(Verdict.VERIFIED);
        assertThat(v.verifiedBy).isEqualTo("verifier.mori");
    }

    @Test
    void whereRequiredEveryResultIsVerifiedBeforeTheDecision() {
        Review review = draft();
        Milestone papers = milestone("PAPERS");
        Milestone models = milestone("MODELS");
        ReviewResult p = ReviewResult.start(review.id, papers).recordAgain(papers, FY, papers("90"), TODAY, NEDO, T0);
        ReviewResult q = ReviewResult.start(review.id, models).recordAgain(models, FY, papers("90"), TODAY, NEDO, T0);
        review.submit("nedo.submitter", PASSED, T1);
        ResultVerification verified = ResultVerification.of(review, p, Verdict.VERIFIED, "ok", VERIFIER, T1);
        ResultVerification refused = ResultVerification.of(review, q, Verdict.NOT_VERIFIED, "no logs", VERIFIER, T1);
        Map<UUID, Milestone> milestones = Map.of(papers.id, papers, models.id, models);

        assertThatCode(() -> ReviewSettings.unset(PROGRAMME).requireVerified(List.of(p, q), Map.of(), milestones))
                .as("nothing is required unless set").doesNotThrowAnyException();
        ReviewSettings required = ReviewSettings.of(PROGRAMME, true, "admin.sato", T0);
        assertThatThrownBy(() -> required.requireVerified(List.of(p, q), Map.of(p.id, verified), milestones))
                .isInstanceOf(ConflictException.class).hasMessageContaining("MODELS (no verdict yet)")
                .hasMessageNotContaining("PAPERS");
        assertThatThrownBy(() -> required.requireVerified(List.of(p, q), Map.of(p.id, verified, q.id, refused),
                milestones)).hasMessageContaining("MODELS (NOT_VERIFIED: no logs)");
        refused.give(review, q, Verdict.VERIFIED, "logs supplied", VERIFIER, T2);
        assertThatCode(() -> required.requireVerified(List.of(p, q), Map.of(p.id, verified, q.id, refused),
                milestones)).doesNotThrowAnyException();
    }
}
