package jp.go.meti.aifund.funding.aggregate;

import static jp.go.meti.aifund.funding.aggregate.ProgrammeTest.NOW;
import static jp.go.meti.aifund.funding.aggregate.ProgrammeTest.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.funding.domain.TrancheDecisionState;
import jp.go.meti.aifund.funding.domain.ReturnOrderState;
import jp.go.meti.aifund.funding.domain.TrancheDecisionAction;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.FourEyesViolationException;
import jp.go.meti.aifund.kernel.InvalidRequestException;

/** A decision on one tranche, with no framework: its amounts, what it takes, four eyes, and an annulled order. */
class TrancheDecisionRulesTest {

    private static final LocalDate HEARD_BY = TODAY.plusDays(14);

    private final Programme programme = ProgrammeTest.programme(10_000_000);
    private final Envelope fy26 = ProgrammeTest.planned(programme, 2026, 5_000_000);
    private final Tranche tranche = ProgrammeTest.tranche(programme, fy26, 3_000_000);

    private TrancheDecision propose(TrancheDecisionAction action, Long newAmount, Long returnAmount, LocalDate deadline) {
        return TrancheDecision.propose(tranche, action, newAmount, returnAmount, deadline, HEARD_BY, " audit ",
                "meti.a", NOW);
    }

    @Test
    void eachActionTakesItsOwnAmountsAndNoOthers() {
        assertThatThrownBy(() -> propose(TrancheDecisionAction.REDUCE, null, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("newAmount is required for a REDUCE decision");
        assertThatThrownBy(() -> propose(TrancheDecisionAction.CANCEL, 1L, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("newAmount is not taken by a CANCEL decision");
        assertThatThrownBy(() -> propose(TrancheDecisionAction.ORDER_RETURN, null, 1L, null))
                .isInstanceOf(InvalidRequestException.class).extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo("returnDeadline");
        assertThatThrownBy(() -> propose(TrancheDecisionAction.ORDER_RETURN, null, 1L, HEARD_BY))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("must come after " + HEARD_BY);
        assertThat(propose(TrancheDecisionAction.ORDER_RETURN, null, 1L, HEARD_BY.plusDays(1)).reason).isEqualTo("audit");
    }

    @Test
    void whatItTakesIsWhatItsNoticeSays() {
        assertThat(propose(TrancheDecisionAction.REDUCE, 1_000_000L, null, null).takes(tranche)).isEqualTo(2_000_000);
        assertThat(propose(TrancheDecisionAction.CANCEL, null, null, null).takes(tranche)).isEqualTo(3_000_000);
        assertThat(propose(TrancheDecisionAction.ORDER_RETURN, null, 700L, HEARD_BY.plusDays(1)).takes(tranche))
                .isEqualTo(700);
    }

    @Test
    void anotherOfficialConfirmsOrRejectsItOnce() {
        TrancheDecision d = propose(TrancheDecisionAction.CANCEL, null, null, null);
        assertThatThrownBy(() -> d.confirm("meti.a", null, null, NOW)).isInstanceOf(FourEyesViolationException.class);
        assertThatThrownBy(() -> d.reject("meti.b", " ", NOW)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("say why");
        d.confirm("meti.b", "heard", null, NOW);
        assertThat(d.state).isEqualTo(TrancheDecisionState.CONFIRMED);
        assertThat(d.record(d.decidedBy)).isEqualTo("tranche decision " + d.id
                + " (CANCEL, proposed by meti.a, confirmed by meti.b): audit");
        assertThatThrownBy(() -> d.reject("meti.c", "late", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is CONFIRMED already: it cannot be rejected");
        d.withdraw("meti.c", "the programme ended", NOW);
        assertThat(d.state).as("only a pending decision is withdrawn").isEqualTo(TrancheDecisionState.CONFIRMED);
        TrancheDecision pending = propose(TrancheDecisionAction.CANCEL, null, null, null);
        pending.withdraw("meti.a", "the programme was TERMINATED", NOW); // its own proposer's termination: no four eyes
        assertThat(pending.state).isEqualTo(TrancheDecisionState.WITHDRAWN);
        assertThat(pending.decisionNote).isEqualTo("the programme was TERMINATED");
    }

    @Test
    void anUpheldObjectionAnnulsAnOpenOrderButNotARepaidOne() {
        programme.approve(tranche, fy26, "meti.approver", NOW);
        programme.disburse(tranche, fy26, "nedo.treasurer", LocalDate.parse("2026-04-01"), TODAY, NOW);
        ReturnOrder open = ReturnOrder.issue(tranche, 1_000, 0, HEARD_BY.plusDays(1), "x", "meti.b", NOW);
        open.annul("meti.c", NOW);
        assertThat(open.state).isEqualTo(ReturnOrderState.ANNULLED);
        assertThat(open.annulledBy).isEqualTo("meti.c");
        ReturnOrder repaid = ReturnOrder.issue(tranche, 1_000, 0, HEARD_BY.plusDays(1), "x", "meti.b", NOW);
        repaid.settle(TODAY, TODAY, "meti.b", NOW);
        assertThatThrownBy(() -> repaid.annul("meti.c", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is SETTLED (repaid on " + TODAY + ")");
    }
}
