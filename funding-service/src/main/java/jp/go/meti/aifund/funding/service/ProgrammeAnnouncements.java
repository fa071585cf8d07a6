package jp.go.meti.aifund.funding.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jp.go.meti.aifund.funding.domain.ProgrammeChange;
import jp.go.meti.aifund.funding.outbound.ProgrammeEvents;
import jp.go.meti.aifund.funding.repository.LedgerRepository;
import jp.go.meti.aifund.funding.aggregate.Programme;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;

/**
 * A programme created before programme events were published has published none, so no consumer's
 * copy would ever know it (milestone-service would refuse its milestones for good). At start, each
 * such programme is announced once, as created (by its creator, at its creation) with its state now:
 * checked again under its row lock, so two instances starting together announce it once.
 */
@ApplicationScoped
public class ProgrammeAnnouncements {

    private static final Logger LOG = Logger.getLogger(ProgrammeAnnouncements.class);

    private final ProgrammeRepository programmes;
    private final LedgerRepository ledger;
    private final ProgrammeEvents events;

    public ProgrammeAnnouncements(ProgrammeRepository programmes, LedgerRepository ledger, ProgrammeEvents events) {
        this.programmes = programmes;
        this.ledger = ledger;
        this.events = events;
    }

    void onStart(@Observes StartupEvent start) {
        int announced = announceUnpublished();
        if (announced > 0) {
            LOG.infof("announced %d programmes that had published no programme event yet", announced);
        }
    }

    /** Publishes the state of every programme that has published no event yet; returns how many. */
    @Transactional
    public int announceUnpublished() {
        int announced = 0;
        for (UUID id : programmes.getEntityManager().createQuery("SELECT p.id FROM Programme p WHERE p.eventSequence = 0",
                UUID.class).getResultList()) {
            Programme p = programmes.lock(id);
            if (p.eventSequence == 0) {
                // its totals now are those after its latest ledger entry, which orders them for readers
                events.publish(p, ProgrammeChange.PROGRAMME_CREATED, ledger.latest(p.id).orElse(null), null, null,
                        p.createdBy, null, p.createdAt);
                announced++;
            }
        }
        return announced;
    }
}
