package jp.go.meti.aifund.notification.domain;

import java.util.Locale;

/**
 * A step in a warning's life, as pushed to its followers: the server-sent event's {@code event:}
 * name and the webhook's {@code type} ({@code warning.raised}, {@code warning.acknowledged},
 * {@code warning.resolved}). Stable names of the contract: new steps may be added, none renamed.
 */
public enum WarningChangeKind {
    RAISED, ACKNOWLEDGED, RESOLVED;

    public String eventType() {
        return "warning." + name().toLowerCase(Locale.ROOT);
    }
}
