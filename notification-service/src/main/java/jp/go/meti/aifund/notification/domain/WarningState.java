package jp.go.meti.aifund.notification.domain;

import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.Text;

/** A warning's life: {@code OPEN → ACKNOWLEDGED → RESOLVED}; an open warning may be resolved at once. */
public enum WarningState {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public WarningState acknowledge() {
        if (this != OPEN) {
            throw ConflictException.of("notification.warning.not-acknowledgeable", new Text.Noun("notification",
                    "state." + name()));
        }
        return ACKNOWLEDGED;
    }

    public WarningState resolve() {
        if (this == RESOLVED) {
            throw ConflictException.of("notification.warning.resolved");
        }
        return RESOLVED;
    }
}
