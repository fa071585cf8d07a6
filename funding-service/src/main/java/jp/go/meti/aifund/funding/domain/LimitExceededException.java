package jp.go.meti.aifund.funding.domain;

import jp.go.meti.aifund.kernel.DomainException;
import jp.go.meti.aifund.kernel.Text;

/** The cumulative total, including the request itself, would exceed the ceiling or an envelope. */
public final class LimitExceededException extends DomainException {

    private final transient Text limitName;

    public LimitExceededException(Text limitName, long limit, long outstanding, long requested) {
        super(new Text("funding.limit-exceeded", limitName, Text.yen(limit), Text.yen(outstanding), Text.yen(requested),
                Text.yen(limit - outstanding)));
        this.limitName = limitName;
    }

    /** Which limit, as the texts name it ("the FY2027 envelope"). */
    public Text limitName() {
        return limitName;
    }
}
