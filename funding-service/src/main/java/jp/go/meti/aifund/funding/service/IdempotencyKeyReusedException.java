package jp.go.meti.aifund.funding.service;

import jp.go.meti.aifund.kernel.DomainException;
import jp.go.meti.aifund.kernel.Text;

public final class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException(String key) {
        super(new Text("funding.idempotency-key-reused", key));
    }
}
