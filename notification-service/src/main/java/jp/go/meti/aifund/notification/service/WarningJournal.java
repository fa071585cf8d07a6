package jp.go.meti.aifund.notification.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.go.meti.aifund.notification.domain.WarningChangeKind;
import jp.go.meti.aifund.notification.aggregate.Warning;
import jp.go.meti.aifund.notification.aggregate.WarningChange;
import jp.go.meti.aifund.notification.repository.WarningChangeRepository;
import jp.go.meti.aifund.notification.aggregate.WebhookDelivery;
import jp.go.meti.aifund.notification.repository.WebhookRepository;
import jp.go.meti.aifund.notification.service.Views.WarningChangeView;
import jp.go.meti.aifund.notification.service.Views.WarningView;

/**
 * Records every change in a warning's life, in the transaction of the change: its position for
 * the live stream, and one webhook delivery per interested subscription (so none is ever
 * silently dropped); {@link WarningChanged} tells the open streams once it commits.
 */
@ApplicationScoped
public class WarningJournal {

    private final WarningChangeRepository changes;
    private final WebhookRepository webhooks;
    private final ObjectMapper json;
    private final Event<WarningChanged> changed;

    public WarningJournal(WarningChangeRepository changes, WebhookRepository webhooks, ObjectMapper json,
            Event<WarningChanged> changed) {
        this.changes = changes;
        this.webhooks = webhooks;
        this.json = json;
        this.changed = changed;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Warning w, WarningChangeKind kind, Instant at) {
        String view = write(WarningView.of(w));
        WarningChange change = new WarningChange(w.id, w.programmeId, kind, view, at);
        changes.append(change);
        webhooks.receiving().stream().filter(s -> s.wants(w)).forEach(s -> {
            webhooks.persist(WebhookDelivery.of(change, s, at));
        });
        changed.fire(new WarningChanged(new LiveFrame.Change(new WarningChangeView(change.position, kind, at, view),
                w.programmeId, w.addressedTo, w.titleText, w.detailText)));
    }

    /**
     * A recorded change as it is pushed: the warning as the change left it (or as it is now, for old ones),
     * with its texts for the follower's language.
     */
    public LiveFrame.Change frame(WarningChange change, Warning now) {
        return new LiveFrame.Change(new WarningChangeView(change.position, change.change, change.recordedAt,
                change.view == null ? write(WarningView.of(now)) : change.view), change.programmeId, now.addressedTo,
                now.titleText, now.detailText);
    }

    private String write(WarningView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
