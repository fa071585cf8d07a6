package jp.go.meti.aifund.notification.domain;

import jp.go.meti.aifund.kernel.ConflictException;

/** A warning's life: {@code OPEN → ACKNOWLEDGED → RESOLVED}; an open warning may be resolved at once. */
public enum WarningState {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public WarningState acknowledge() {
        if (this != OPEN) {
            throw new ConflictException("a warning that is " + this + " cannot be acknowledged");
        }
        return ACKNOWLEDGED;
    }

    public WarningState resolve() {
        if (this == RESOLVED) {
            throw new ConflictException("the warning is already resolved");
        }
        return RESOLVED;
    }
}
