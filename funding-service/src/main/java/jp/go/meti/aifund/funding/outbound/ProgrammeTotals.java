package jp.go.meti.aifund.funding.outbound;

import jp.go.meti.aifund.funding.aggregate.Programme;

/** The programme's money as the tranche and programme events carry it, whole yen. */
public record ProgrammeTotals(long ceiling, long planned, long committed, long disbursed, long recovered,
        long headroom) {

    public static ProgrammeTotals of(Programme p) {
        return new ProgrammeTotals(p.ceiling, p.planned, p.committed, p.disbursed, p.recovered, p.exposure().headroom());
    }
}
