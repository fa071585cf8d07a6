package jp.go.meti.aifund.funding.outbound;

import jp.go.meti.aifund.contracts.tranche.TrancheProgramme;
import jp.go.meti.aifund.funding.aggregate.Programme;

/** The programme's money as the tranche and programme events carry it, whole yen. */
record ProgrammeTotals(long ceiling, long planned, long committed, long disbursed, long recovered,
        long reappropriated, long headroom) {

    static ProgrammeTotals of(Programme p) {
        return new ProgrammeTotals(p.ceiling, p.planned, p.committed, p.disbursed, p.recovered, p.reappropriated,
                p.exposure().headroom());
    }

    TrancheProgramme asTranchePart() {
        return new TrancheProgramme().withCeiling(ceiling).withPlanned(planned).withCommitted(committed)
                .withDisbursed(disbursed).withRecovered(recovered).withReappropriated(reappropriated)
                .withHeadroom(headroom);
    }

    jp.go.meti.aifund.contracts.programme.ProgrammeTotals asProgrammePart() {
        return new jp.go.meti.aifund.contracts.programme.ProgrammeTotals().withCeiling(ceiling).withPlanned(planned)
                .withCommitted(committed).withDisbursed(disbursed).withRecovered(recovered)
                .withReappropriated(reappropriated).withHeadroom(headroom);
    }
}
