package jp.go.meti.aifund.funding.aggregate;

import static jp.go.meti.aifund.funding.aggregate.ProgrammeTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.funding.domain.AffectedMembers;
import jp.go.meti.aifund.funding.domain.AffectedMembers.Cut;
import jp.go.meti.aifund.funding.domain.AffectedMembers.MemberAmount;
import jp.go.meti.aifund.funding.domain.HearingState;
import jp.go.meti.aifund.funding.domain.HearingSubject;
import jp.go.meti.aifund.funding.domain.ObjectionState;
import jp.go.meti.aifund.funding.domain.SharesInForce;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.LargestRemainder.Share;

/** The hearing before an adverse decision, and the amounts its notice names, without infrastructure. */
class HearingRulesTest {

    private static final LocalDate NOTICED = LocalDate.of(2026, 12, 4);
    private static final UUID CONSORTIUM = UUID.randomUUID();
    private static final UUID SOFTBANK = UUID.randomUUID();
    private static final UUID NEC = UUID.randomUUID();
    private static final UUID AIST = UUID.randomUUID();

    private static Hearing noticed() {
        Programme p = Programme.create("P", 1_000_000L, 2026, 2030, "METI", "NEDO", "admin", NOW);
        return Hearing.notice(p, new Hearing.Notice(HearingSubject.PULLBACK_DECISION, UUID.randomUUID(), CONSORTIUM,
                "CANCEL", 2027, "missed", 100, "[]"), p.hearingDays, NOTICED, "meti.suzuki", NOW);
    }

    @Test
    void theRecipientHasTheProgrammesHearingDaysToAnswerAndTheDecisionWaitsUntilThen() {
        Hearing h = noticed();
        assertThat(h.answerBy).isEqualTo(NOTICED.plusDays(Programme.DEFAULT_HEARING_DAYS));
        assertThatThrownBy(() -> h.requireHeard(h.answerBy)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("has until " + h.answerBy);
        assertThatCode(() -> h.requireHeard(h.answerBy.plusDays(1))).as("the day has passed without an answer")
                .doesNotThrowAnyException();
        assertThat(h.record()).contains("no response").contains(h.answerBy.toString());
    }

    @Test
    void anAnswerByTheDayLetsTheDecisionGoAheadAndIsRecordedAsConsidered() {
        Hearing h = noticed();
        h.respond("  We disagree.  ", "[]", "member.softbank", h.answerBy, NOW);
        assertThat(h.state).isEqualTo(HearingState.ANSWERED);
        assertThat(h.response).isEqualTo("We disagree.");
        assertThatCode(() -> h.requireHeard(NOTICED)).doesNotThrowAnyException();
        assertThatThrownBy(() -> h.respond("again", "[]", "member.nec", NOTICED, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("member.softbank answered");
        h.conclude("meti.takahashi", NOW);
        assertThat(h.record()).contains("the response of member.softbank").contains("considered");
        assertThatThrownBy(() -> h.requireHeard(NOTICED)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anAnswerAfterTheDayIsRefused() {
        Hearing h = noticed();
        assertThatThrownBy(() -> h.respond("late", "[]", "member.softbank", h.answerBy.plusDays(1), NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ended on " + h.answerBy);
    }

    @Test
    void anObjectionIsFiledWithinThreeMonthsOfTheDecisionAndRuledByAnotherOfficial() {
        Hearing h = noticed();
        h.conclude("meti.takahashi", NOW); // NOW is a day in Japan: the objection may be filed for three months
        LocalDate decided = NOW.atZone(jp.go.meti.aifund.kernel.FiscalYear.JAPAN).toLocalDate();
        assertThatThrownBy(() -> Objection.file(h, "late", "[]", "member.nec", decided.plusMonths(3).plusDays(1), NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ended on " + decided.plusMonths(3));
        Objection o = Objection.file(h, " disproportionate ", "[]", "member.nec", decided.plusMonths(3), NOW);
        assertThat(o.fileBy).isEqualTo(decided.plusMonths(3));
        assertThat(o.grounds).isEqualTo("disproportionate");
        for (String decidedIt : List.of("meti.suzuki", "meti.takahashi")) {
            assertThatThrownBy(() -> o.requireRulableBy(decidedIt)).hasMessageContaining(decidedIt);
        }
        o.rule(false, "the decision stands", 0, "meti.sato", NOW);
        assertThat(o.state).isEqualTo(jp.go.meti.aifund.funding.domain.ObjectionState.DISMISSED);
        assertThat(o.reinstated).isNull();
        assertThatThrownBy(() -> o.rule(true, "again", 1, "meti.ito", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already ruled DISMISSED");
    }

    @Test
    void onlyADecisionConfirmedAfterItsHearingIsObjectedToATerminationToo() {
        Hearing open = noticed();
        assertThatThrownBy(() -> Objection.file(open, "x", "[]", "member.nec", NOTICED, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is OPEN");
        Programme p = Programme.create("P", 1_000_000L, 2026, 2030, "METI", "NEDO", "admin", NOW);
        Hearing termination = Hearing.notice(p, new Hearing.Notice(HearingSubject.BUDGET_DECISION, UUID.randomUUID(),
                CONSORTIUM, "TERMINATE", 2027, "policy", 0, "[]"), p.hearingDays, NOTICED, "meti.suzuki", NOW);
        termination.conclude("meti.takahashi", NOW); // 1 June 2026: three months to object, to 1 September
        Objection o = Objection.file(termination, "x", "[]", "member.nec", LocalDate.of(2026, 9, 1), NOW);
        assertThat(o.state).isEqualTo(ObjectionState.FILED);
        assertThat(o.fileBy).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(List.of(o.proposedBy, o.decidedBy)).containsExactly("meti.suzuki", "meti.takahashi");
        assertThatThrownBy(() -> Objection.file(termination, "x", "[]", "member.nec", LocalDate.of(2026, 9, 2), NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ended on 2026-09-01");
    }

    @Test
    void theAmountsPerMemberSplitAConsortiumsCutsByEachYearsSharesAndAddUpExactly() {
        SharesInForce fy2027 = SharesInForce.founding(List.of(new Share(SOFTBANK, "SoftBank", 6000),
                new Share(NEC, "NEC", 4000)));
        SharesInForce fy2028 = SharesInForce.founding(List.of(new Share(SOFTBANK, "SoftBank", 5000),
                new Share(NEC, "NEC", 5000)));
        List<MemberAmount> parts = AffectedMembers.of(List.of(new Cut(2027, CONSORTIUM, true, 1_001),
                new Cut(2028, CONSORTIUM, true, 1_001), new Cut(2028, AIST, false, 7)),
                fy -> fy == 2027 ? fy2027 : fy2028, Map.of(SOFTBANK, "SoftBank", NEC, "NEC", AIST, "AIST"));
        // 1,001 × 60/40 = 600.6 + 400.4 → 601 + 400; 1,001 × 50/50 = 500.5 + 500.5 → 501 + 500 (ties: first)
        assertThat(parts).containsExactly(new MemberAmount(SOFTBANK, "SoftBank", 1_102),
                new MemberAmount(NEC, "NEC", 900), new MemberAmount(AIST, "AIST", 7));
        assertThat(AffectedMembers.total(parts)).isEqualTo(2_009);
    }

    @Test
    void aConsortiumsCutsOfOneYearAreSplitTogetherAsThePullbackSplitsItsReduction() {
        SharesInForce shares = SharesInForce.founding(List.of(new Share(SOFTBANK, "SoftBank", 6000),
                new Share(NEC, "NEC", 4000)));
        // ¥1 from each of two tranches: split one by one, SoftBank would get both yen (0.6 > 0.4 twice);
        // split together, ¥2 × 60/40 = 1.2 + 0.8 → 1 + 1, as LargestRemainder splits the pullback's ¥2
        List<MemberAmount> parts = AffectedMembers.of(List.of(new Cut(2027, CONSORTIUM, true, 1),
                new Cut(2027, CONSORTIUM, true, 1)), fy -> shares, Map.of(SOFTBANK, "SoftBank", NEC, "NEC"));
        assertThat(parts).containsExactly(new MemberAmount(SOFTBANK, "SoftBank", 1), new MemberAmount(NEC, "NEC", 1));
        assertThat(parts).extracting(MemberAmount::amount).containsExactlyElementsOf(
                jp.go.meti.aifund.kernel.LargestRemainder.split(2, shares.shares()).stream().map(p -> p.amount()).toList());
    }
}
