package jp.go.meti.aifund.funding.service;

import jp.go.meti.aifund.kernel.DomainException;

public final class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was already used for a different request; use a new key for a new request");
    }
}
