package jp.go.meti.aifund.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jp.go.meti.aifund.notification.service.Views.WarningView;

/** New warnings, as they commit, for every open server-sent-events stream. */
@ApplicationScoped
public class WarningFeed {

    private final BroadcastProcessor<WarningView> broadcast = BroadcastProcessor.create();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) WarningRaised raised) {
        broadcast.onNext(raised.warning());
    }

    public Multi<WarningView> stream() {
        return broadcast;
    }
}
