package jp.go.meti.aifund.funding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

class ExposureTest {

    private static final long TRILLION = 1_000_000_000_000L;
    private static final Exposure EMPTY = new Exposure(new Text("funding.limit.ceiling"), TRILLION, 0, 0, 0, 0);

    @Test
    void commitsUpToExactlyTheLimit() {
        Exposure full = EMPTY.commit(TRILLION - 1).commit(1);
        assertThat(full.headroom()).isZero();
        assertThat(full.outstanding()).isEqualTo(TRILLION);
    }

    @Test
    void refusesTheYenThatWouldCrossTheLimitCountingTheRequestItself() {
        Exposure almost = EMPTY.commit(TRILLION - 1);
        assertThatThrownBy(() -> almost.commit(2))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("headroom ¥1");
    }

    @Test
    void disbursingMovesMoneyFromCommittedToDisbursedWithoutChangingTheHeadroom() {
        Exposure committed = EMPTY.commit(300);
        Exposure paid = committed.disburse(300);
        assertThat(paid.committed()).isZero();
        assertThat(paid.disbursed()).isEqualTo(300);
        assertThat(paid.headroom()).isEqualTo(committed.headroom());
    }

    @Test
    void recoveredMoneyGoesToTheTreasuryNotBackToTheHeadroom() {
        Exposure paid = EMPTY.commit(TRILLION).disburse(TRILLION);
        Exposure clawedBack = paid.recover(250);
        assertThat(clawedBack.headroom()).isZero();
        assertThatThrownBy(() -> clawedBack.commit(1)).isInstanceOf(LimitExceededException.class);
    }

    @Test
    void reappropriatedReturnedMoneyIsHeadroomAgainAndNeverMoreThanWasReturned() {
        Exposure reappropriated = new Exposure(new Text("funding.limit.ceiling"), TRILLION, 0, TRILLION, 250, 100);
        assertThat(reappropriated.headroom()).isEqualTo(100);
        assertThat(reappropriated.outstanding()).isEqualTo(TRILLION - 100);
        assertThat(reappropriated.commit(100).headroom()).isZero();
        assertThatThrownBy(() -> new Exposure(new Text("funding.limit.ceiling"), TRILLION, 0, TRILLION, 250, 251))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cannotRecoverMoreThanWasDisbursedAndNotYetRecovered() {
        Exposure paid = EMPTY.commit(100).disburse(100).recover(60);
        assertThatThrownBy(() -> paid.recover(41)).isInstanceOf(IllegalStateException.class);
        assertThat(paid.recover(40).recovered()).isEqualTo(100);
    }

    @Test
    void releasingACommitmentReturnsItToTheHeadroom() {
        assertThat(EMPTY.commit(500).releaseCommitment(200).headroom()).isEqualTo(TRILLION - 300);
    }

    @Test
    void nonPositiveAmountsAreRefusedWithTheirField() {
        assertThatThrownBy(() -> EMPTY.commit(0)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> EMPTY.commit(-1)).isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("amount");
    }

    @Test
    void aHugeRequestIsALimitErrorNotAnOverflow() {
        Exposure nearlyFull = new Exposure(new Text("funding.limit.ceiling"), Long.MAX_VALUE, Long.MAX_VALUE - 10, 0, 0, 0);
        assertThatThrownBy(() -> nearlyFull.commit(Long.MAX_VALUE)).isInstanceOf(LimitExceededException.class);
    }

    @Test
    void aLimitCannotBeLoweredBelowTheMoneyAlreadyHeldAgainstIt() {
        Exposure held = EMPTY.commit(700);
        assertThat(held.withLimit(700).headroom()).isZero();
        assertThatThrownBy(() -> held.withLimit(699)).isInstanceOf(LimitExceededException.class);
    }
}
