package jp.go.meti.aifund.notification.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jp.go.meti.aifund.notification.config.NotificationConfig;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.notification.aggregate.Warning;
import jp.go.meti.aifund.notification.aggregate.WarningChange;
import jp.go.meti.aifund.notification.repository.WarningChangeRepository;
import jp.go.meti.aifund.notification.repository.WarningRepository;

/**
 * The live stream: every committed change of a warning and every update of a programme's read
 * model, to every open follower, optionally of one programme. A follower that resumes after the
 * position it last saw gets the changes it missed first (up to the replay limit), then the live
 * ones, none twice and none lost: it starts buffering the live frames before it reads the missed
 * ones, and positions commit in order ({@link WarningChangeRepository#append}).
 */
@ApplicationScoped
public class WarningFeed {

    /** Serialized: changes commit on consumer and request threads at once. */
    private final SerializedProcessor<LiveFrame, LiveFrame> broadcast = BroadcastProcessor.<LiveFrame>create().serialized();
    private final WarningChangeRepository changes;
    private final WarningRepository warnings;
    private final WarningJournal journal;
    private final NotificationConfig.Stream config;
    private final AtomicInteger followers = new AtomicInteger();
    private final Clock clock;

    public WarningFeed(WarningChangeRepository changes, WarningRepository warnings, WarningJournal journal,
            NotificationConfig config, Clock clock) {
        this.changes = changes;
        this.warnings = warnings;
        this.journal = journal;
        this.config = config.stream();
        this.clock = clock;
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) WarningChanged changed) {
        broadcast.onNext(changed.frame());
    }

    void onProgrammeUpdated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProgrammeUpdated updated) {
        broadcast.onNext(new LiveFrame.ProgrammeUpdated(updated.programmeId(), clock.instant()));
    }

    /**
     * The frames for one follower: the changes after {@code after} (when it resumes), then the live
     * frames. Reads the database: call it on a worker thread, in a request or transaction.
     */
    public Multi<LiveFrame> follow(UUID programmeId, Long after) {
        UnicastProcessor<LiveFrame> live = listen();
        long[] last = {Long.MIN_VALUE};
        List<LiveFrame> missed = after == null ? List.of() : missed(after, programmeId);
        for (LiveFrame f : missed) {
            if (f instanceof LiveFrame.Change c) {
                last[0] = c.change().position();
            }
        }
        Multi<LiveFrame> following = live
                .filter(f -> programmeId == null || f.programmeId() == null || programmeId.equals(f.programmeId()))
                .filter(f -> !(f instanceof LiveFrame.Change c) || c.change().position() > last[0]);
        return Multi.createBy().concatenating().streams(Multi.createFrom().iterable(missed), following);
    }

    /** Followers whose stream is open now. */
    public int followers() {
        return followers.get();
    }

    /**
     * A buffer of the live frames from now on, until its follower leaves: then its subscription to
     * the broadcast is cancelled too (a processor does not cancel what it subscribed to by itself).
     */
    private UnicastProcessor<LiveFrame> listen() {
        AtomicReference<Flow.Subscription> upstream = new AtomicReference<>();
        UnicastProcessor<LiveFrame> live = UnicastProcessor.create(new ConcurrentLinkedQueue<>(), () -> {
            followers.decrementAndGet();
            Optional.ofNullable(upstream.getAndSet(null)).ifPresent(Flow.Subscription::cancel);
        });
        followers.incrementAndGet();
        broadcast.subscribe(new Flow.Subscriber<LiveFrame>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                upstream.set(subscription);
                live.onSubscribe(subscription);
            }

            @Override
            public void onNext(LiveFrame frame) {
                live.onNext(frame);
            }

            @Override
            public void onError(Throwable failure) {
                live.onError(failure);
            }

            @Override
            public void onComplete() {
                live.onComplete();
            }
        });
        return live;
    }

    private List<LiveFrame> missed(long after, UUID programmeId) {
        int limit = config.replayLimit();
        List<WarningChange> missed = changes.after(after, programmeId, limit + 1);
        if (missed.isEmpty()) {
            return List.of();
        }
        if (missed.size() > limit) {
            return List.of(new LiveFrame.Resync(new Text("notification.stream.resync", String.valueOf(limit),
                    String.valueOf(after))));
        }
        Map<UUID, Warning> now = warnings.list("id in ?1", missed.stream().map(c -> c.warningId).toList()).stream()
                .collect(Collectors.toMap(w -> w.id, Function.identity()));
        return missed.stream().<LiveFrame>map(c -> journal.frame(c, now.get(c.warningId))).toList();
    }
}
