package jp.go.meti.aifund.funding.domain;

import jp.go.meti.aifund.kernel.DomainException;

/** The cumulative total, including the request itself, would exceed the ceiling or an envelope. */
public final class LimitExceededException extends DomainException {

    private final String limitName;

    public LimitExceededException(String limitName, long limit, long outstanding, long requested) {
        super(String.format("%s would be exceeded: limit ¥%,d, outstanding ¥%,d, requested ¥%,d, headroom ¥%,d",
                limitName, limit, outstanding, requested, limit - outstanding));
        this.limitName = limitName;
    }

    public String limitName() {
        return limitName;
    }
}
