package jp.go.meti.aifund.milestone.support;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import jp.go.meti.aifund.platform.messaging.Outbox;

/**
 * Makes the next transaction that writes an event fail after the write, as a crash or a broken
 * constraint would: a test arms it to prove that a rolled-back step publishes nothing.
 */
@ApplicationScoped
public class InjectedFailure {

    private final AtomicBoolean armed = new AtomicBoolean();

    public void failNextEventWrite() {
        armed.set(true);
    }

    void afterEventWritten(@Observes Outbox.Written written) {
        if (armed.getAndSet(false)) {
            throw new IllegalStateException("injected failure after the event was written");
        }
    }
}
