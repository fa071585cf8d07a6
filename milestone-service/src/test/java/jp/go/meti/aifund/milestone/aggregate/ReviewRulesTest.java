package jp.go.meti.aifund.milestone.aggregate;

import static jp.go.meti.aifund.milestone.aggregate.Fixtures.DUE;
import static jp.go.meti.aifund.milestone.aggregate.Fixtures.FY;
import static jp.go.meti.aifund.milestone.aggregate.Fixtures.PASSED;
import static jp.go.meti.aifund.milestone.aggregate.Fixtures.PROGRAMME;
import static jp.go.meti.aifund.milestone.aggregate.Fixtures.T0;
import static jp.go.meti.aifund.milestone.aggregate.Fixtures.T1;
import static jp.go.meti.aifund.milestone.aggregate.Fixtures.T2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyesViolationException;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Ratio;
import jp.go.meti.aifund.milestone.domain.ReviewState;
import jp.go.meti.aifund.scoring.Outcome;
import jp.go.meti.aifund.scoring.ReviewScoring;

/** The annual review's life cycle, who may take each step, and its revisions. */
class ReviewRulesTest {

    private static final ReviewScoring.Score CONDITIONAL = new ReviewScoring.Score(Ratio.basisPoints(7_500),
            Outcome.CONDITIONAL, ReviewScoring.VERSION);

    @Test
    void aReviewOpensAsADraftOfItsYear() {
        Review review = Fixtures.draft();

        assertThat(review.id).isNotNull();
        assertThat(review.state).isEqualTo(ReviewState.DRAFT);
        assertThat(review.programmeId).isEqualTo(PROGRAMME);
        assertThat(review.fiscalYear).isEqualTo(FY);
        assertThat(review.revision).isEqualTo(1);
        assertThat(review.dueDate).isEqualTo(DUE);
        assertThat(review.createdBy).isEqualTo("nedo.officer");
        assertThat(review.createdAt).isEqualTo(T0);
        assertThat(review.amends).isNull();
        assertThat(review.score).isNull();
        review.requireAcceptsResults();
        review.requireSubmittable();
    }

    @Test
    void submittingRecordsWhoAndTheScore() {
        Review review = Fixtures.draft();

        review.submit("nedo.officer", CONDITIONAL, T1);

        assertThat(review.state).isEqualTo(ReviewState.SUBMITTED);
        assertThat(review.submittedBy).isEqualTo("nedo.officer");
        assertThat(review.submittedAt).isEqualTo(T1);
        assertThat(review.score).isEqualTo(Ratio.basisPoints(7_500));
        assertThat(review.scoreBasisPoints).isEqualTo(7_500);
        assertThat(review.outcome).isEqualTo(Outcome.CONDITIONAL);
        assertThat(review.ruleVersion).isEqualTo(ReviewScoring.VERSION);
    }

    @Test
    void onlyADraftTakesResultsOrIsSubmitted() {
        Review review = Fixtures.submitted("nedo.officer");

        assertThatThrownBy(review::requireAcceptsResults).isInstanceOf(ConflictException.class)
                .hasMessage("a SUBMITTED review cannot be given results");
        assertThatThrownBy(review::requireSubmittable).isInstanceOf(ConflictException.class)
                .hasMessage("a SUBMITTED review cannot be submitted");
        assertThatThrownBy(() -> review.submit("nedo.officer", PASSED, T2)).isInstanceOf(ConflictException.class)
                .hasMessage("a SUBMITTED review cannot be submitted");
        assertThat(review.submittedAt).isEqualTo(T1);
    }

    @Test
    void returningToDraftKeepsTheReasonAndClearsTheScore() {
        Review review = Fixtures.submitted("nedo.officer");

        review.returnToDraft("meti.official", "  the evidence of PAPERS is missing  ", T2);

        assertThat(review.state).isEqualTo(ReviewState.DRAFT);
        assertThat(review.returnedBy).isEqualTo("meti.official");
        assertThat(review.returnedAt).isEqualTo(T2);
        assertThat(review.returnReason).isEqualTo("the evidence of PAPERS is missing");
        assertThat(review.score).isNull();
        assertThat(review.scoreBasisPoints).isNull();
        assertThat(review.outcome).isNull();
        assertThat(review.ruleVersion).isNull();
    }

    @Test
    void onlyASubmittedReviewIsReturned() {
        Review review = Fixtures.draft();

        assertThatThrownBy(() -> review.returnToDraft("meti.official", "why", T1))
                .isInstanceOf(ConflictException.class).hasMessage("a DRAFT review cannot be returned to draft");
        assertThat(review.returnedBy).isNull();
    }

    @Test
    void finalizingRecordsTheDecisionAndItsScore() {
        Review review = Fixtures.submitted("nedo.officer");

        review.finalize("meti.official", "  agreed  ", CONDITIONAL, T2);

        assertThat(review.state).isEqualTo(ReviewState.FINALIZED);
        assertThat(review.finalizedBy).isEqualTo("meti.official");
        assertThat(review.finalizedAt).isEqualTo(T2);
        assertThat(review.decisionNote).isEqualTo("agreed");
        assertThat(review.outcome).isEqualTo(Outcome.CONDITIONAL);
    }

    @Test
    void aDecisionNeedNotHaveANote() {
        Review review = Fixtures.submitted("nedo.officer");

        review.finalize("meti.official", null, PASSED, T2);

        assertThat(review.decisionNote).isNull();
    }

    @Test
    void whoeverSubmittedCannotFinalize() {
        Review review = Fixtures.submitted("dual.role");

        assertThatThrownBy(() -> review.requireFinalizableBy("dual.role"))
                .isInstanceOf(FourEyesViolationException.class)
                .hasMessage("dual.role submitted this review and so cannot finalize it: another person must");
        assertThatThrownBy(() -> review.finalize("dual.role", null, PASSED, T2))
                .isInstanceOf(FourEyesViolationException.class);
        assertThat(review.state).isEqualTo(ReviewState.SUBMITTED);
        assertThat(review.finalizedBy).isNull();
    }

    @Test
    void aDraftIsNotFinalizedAndTheStateIsSaidFirst() {
        Review review = Fixtures.draft();

        // nobody submitted it, so the state is the only reason, whoever asks
        assertThatThrownBy(() -> review.requireFinalizableBy("meti.official")).isInstanceOf(ConflictException.class)
                .hasMessage("a DRAFT review cannot be finalized");
    }

    @Test
    void aFinalizedReviewIsImmutable() {
        Review review = Fixtures.finalized();

        assertThatThrownBy(review::requireAcceptsResults).isInstanceOf(ConflictException.class)
                .hasMessageContaining("a finalized review is immutable; amend it instead");
        assertThatThrownBy(() -> review.returnToDraft("meti.official", "why", T2))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("a FINALIZED review cannot be returned to draft");
        assertThatThrownBy(() -> review.finalize("meti.2", null, PASSED, T2)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot be finalized: a finalized review is immutable");
        assertThat(review.finalizedBy).isEqualTo("meti.official");
    }

    @Test
    void anAmendmentIsANewDraftRevisionCorrectingTheFinalizedOne() {
        Review original = Fixtures.finalized();

        Review amendment = original.amend(2, "  a miscounted paper  ", "nedo.officer", T2);

        assertThat(amendment.id).isNotEqualTo(original.id);
        assertThat(amendment.state).isEqualTo(ReviewState.DRAFT);
        assertThat(amendment.revision).isEqualTo(2);
        assertThat(amendment.amends).isEqualTo(original.id);
        assertThat(amendment.amendmentReason).isEqualTo("a miscounted paper");
        assertThat(amendment.programmeId).isEqualTo(original.programmeId);
        assertThat(amendment.fiscalYear).isEqualTo(original.fiscalYear);
        assertThat(amendment.dueDate).isEqualTo(original.dueDate);
        assertThat(amendment.createdAt).isEqualTo(T2);
        assertThat(amendment.score).isNull();
        assertThat(original.amendedBy).as("replaced only once the amendment is finalized").isNull();
    }

    @Test
    void onlyAFinalizedReviewIsAmended() {
        Review review = Fixtures.submitted("nedo.officer");

        assertThatThrownBy(() -> review.amend(2, "why", "nedo.officer", T2)).isInstanceOf(ConflictException.class)
                .hasMessage("a SUBMITTED review cannot be amended");
    }

    @Test
    void aFinalizedAmendmentReplacesTheRevisionItCorrects() {
        Review original = Fixtures.finalized();
        Review amendment = original.amend(2, "why", "nedo.officer", T2);
        amendment.submit("nedo.officer", PASSED, T2);
        amendment.finalize("meti.official", null, PASSED, T2);

        original.replaceBy(amendment);

        assertThat(original.amendedBy).isEqualTo(amendment.id);
        assertThatThrownBy(original::requireAmendable).isInstanceOf(ConflictException.class)
                .hasMessage("review " + original.id + " was already amended by " + amendment.id
                        + "; amend the latest revision");
        assertThatThrownBy(() -> original.amend(3, "again", "nedo.officer", T2))
                .isInstanceOf(ConflictException.class).hasMessageContaining("amend the latest revision");
    }

    @Test
    void onlyItsOwnFinalizedAmendmentReplacesAReview() {
        Review original = Fixtures.finalized();
        Review draftAmendment = original.amend(2, "why", "nedo.officer", T2);
        Review another = Fixtures.finalized();

        assertThatThrownBy(() -> original.replaceBy(draftAmendment)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a finalized amendment of review " + original.id);
        assertThatThrownBy(() -> original.replaceBy(another)).isInstanceOf(IllegalArgumentException.class);
        assertThat(original.amendedBy).isNull();
    }

    @Test
    void aReviewAssessesTheCurrentMilestonesOfItsProgrammeAndYear() {
        Review review = Fixtures.draft();
        Milestone current = Fixtures.milestone("PAPERS");
        Milestone otherProgramme = Milestone.define(UUID.randomUUID(), FY, "PAPERS", Fixtures.terms(10_000), "n", T0);
        Milestone otherYear = Milestone.define(PROGRAMME, FY + 1, "PAPERS", Fixtures.terms(10_000), "n", T0);

        review.requireAssesses(current, false);
        assertThatThrownBy(() -> review.requireAssesses(otherProgramme, false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("milestoneId belongs to another programme, not to the one of this review");
        assertThatThrownBy(() -> review.requireAssesses(otherYear, false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("milestoneId is a milestone of FY2027, not of FY2026 under review");
    }

    @Test
    void aFirstReviewDoesNotAssessASupersededVersion() {
        Milestone first = Fixtures.milestone("PAPERS");
        Milestone second = first.redefine("PAPERS", Fixtures.terms(10_000), true, "n", T1).orElseThrow();

        assertThatThrownBy(() -> Fixtures.draft().requireAssesses(first, false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("milestoneId is version 1 of PAPERS, superseded by " + second.id
                        + "; record the result against the current version");
    }

    @Test
    void anAmendmentAssessesExactlyWhatTheCorrectedRevisionDid() {
        Review amendment = Fixtures.finalized().amend(2, "why", "nedo.officer", T2);
        Milestone first = Fixtures.milestone("PAPERS");
        first.redefine("PAPERS", Fixtures.terms(10_000), true, "n", T1);

        amendment.requireAssesses(first, true); // superseded since, but its targets stand for the amendment
        assertThatThrownBy(() -> amendment.requireAssesses(Fixtures.milestone("PATENTS"), false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("milestoneId was not assessed by the revision this amendment corrects; an amendment "
                        + "corrects results, not the set of milestones");
    }
}
