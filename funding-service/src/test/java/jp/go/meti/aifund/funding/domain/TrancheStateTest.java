package jp.go.meti.aifund.funding.domain;

import static jp.go.meti.aifund.funding.domain.TrancheAction.*;
import static jp.go.meti.aifund.funding.domain.TrancheState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.kernel.FourEyes;
import jp.go.meti.aifund.kernel.FourEyesViolationException;

class TrancheStateTest {

    @ParameterizedTest(name = "{0} (approved={1}) --{2}--> {3}")
    @CsvSource({
            "PLANNED, false, APPROVE, APPROVED",
            "APPROVED, true, DISBURSE, DISBURSED",
            "PLANNED, false, HOLD, ON_HOLD",
            "APPROVED, true, HOLD, ON_HOLD",
            "REDUCED, false, APPROVE, APPROVED",
            "REDUCED, true, DISBURSE, DISBURSED",
            "ON_HOLD, true, REDUCE, REDUCED",
            "ON_HOLD, false, CANCEL, CANCELLED",
            "APPROVED, true, CANCEL, CANCELLED",
            "DISBURSED, true, RECOVER, RECOVERED",
            "RECOVERED, true, RECOVER, RECOVERED",
            "CANCELLED, true, REINSTATE, APPROVED",
            "CANCELLED, false, REINSTATE, PLANNED",
            "REDUCED, true, REINSTATE, APPROVED",
            "REDUCED, false, REINSTATE, PLANNED"})
    void allowedTransitions(TrancheState from, boolean approved, TrancheAction action, TrancheState to) {
        assertThat(from.after(action, approved, null)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} (approved={1}) cannot be {2}")
    @CsvSource({
            "ON_HOLD, false, APPROVE", "ON_HOLD, true, DISBURSE", "PLANNED, false, DISBURSE",
            "APPROVED, true, APPROVE", "REDUCED, true, APPROVE", "REDUCED, false, DISBURSE",
            "DISBURSED, true, CANCEL", "DISBURSED, true, REDUCE", "DISBURSED, true, HOLD",
            "CANCELLED, false, APPROVE", "CANCELLED, true, RELEASE", "CANCELLED, true, RECOVER",
            "PLANNED, false, RECOVER", "APPROVED, true, RELEASE", "ON_HOLD, true, HOLD",
            "ON_HOLD, true, REINSTATE", "DISBURSED, true, REINSTATE", "RECOVERED, true, REINSTATE"})
    void refusedTransitionsSayWhy(TrancheState from, boolean approved, TrancheAction action) {
        assertThatThrownBy(() -> from.after(action, approved, null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(from.name())
                .hasMessageContaining(new Text("funding.noun.action." + action.name()).in(Locale.ENGLISH));
    }

    @Test
    void liftingAHoldReturnsToTheStateTheTrancheWasHeldIn() {
        assertThat(ON_HOLD.after(RELEASE, true, APPROVED)).isEqualTo(APPROVED);
        assertThat(ON_HOLD.after(RELEASE, false, PLANNED)).isEqualTo(PLANNED);
    }

    @Test
    void theFirstFiscalYearIsNotGatedTheOthersStartClosed() {
        assertThat(Gate.initial(2026, 2026)).isEqualTo(Gate.NOT_GATED);
        assertThat(Gate.initial(2027, 2026)).isEqualTo(Gate.CLOSED);
        assertThat(Gate.CLOSED.allowsApproval()).isFalse();
        assertThat(Gate.OPEN.allowsApproval()).isTrue();
    }

    @Test
    void fourEyesRefusesTheSamePersonAndAllowsAnother() {
        assertThatThrownBy(() -> FourEyes.requireDifferent("this tranche", "tanaka", "requested", "tanaka", "approve"))
                .isInstanceOf(FourEyesViolationException.class).hasMessageContaining("another person");
        FourEyes.requireDifferent("this tranche", "tanaka", "requested", "suzuki", "approve");
    }
}
