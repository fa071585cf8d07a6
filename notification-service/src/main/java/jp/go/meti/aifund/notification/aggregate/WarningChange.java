package jp.go.meti.aifund.notification.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.notification.domain.WarningChangeKind;

/** One change in a warning's life at its position in commit order (the stream's event id). */
@Entity
@Table(name = "warning_change")
public class WarningChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;
    @Column(name = "warning_id")
    public UUID warningId;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Enumerated(EnumType.STRING)
    public WarningChangeKind change;
    /** The warning as the change left it, as JSON; null for changes recorded before it was kept. */
    public String view;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    protected WarningChange() {
    }

    /** {@code view}: the warning as the change left it, as JSON. The position is given when it is appended. */
    public WarningChange(UUID warningId, UUID programmeId, WarningChangeKind change, String view, Instant at) {
        this.warningId = warningId;
        this.programmeId = programmeId;
        this.change = change;
        this.view = view;
        this.recordedAt = at;
    }
}
