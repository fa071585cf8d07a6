package jp.go.meti.aifund.funding.service;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.aggregate.Recipient;
import jp.go.meti.aifund.funding.repository.RecipientRepository;
import jp.go.meti.aifund.funding.aggregate.Tranche;
import jp.go.meti.aifund.funding.repository.TrancheRepository;
import jp.go.meti.aifund.funding.service.Views.TrancheView;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.platform.rest.Page;

/**
 * Reading tranches. A consortium member ({@code actsFor} present) reads the tranches of the
 * recipients it acts for and of their consortium (money the consortium shares among its members),
 * never another member's or a research partner's: those answer 404, as if they did not exist.
 */
@ApplicationScoped
public class TrancheQueries {

    private final ProgrammeRepository programmes;
    private final RecipientRepository recipients;
    private final TrancheRepository tranches;

    public TrancheQueries(ProgrammeRepository programmes, RecipientRepository recipients, TrancheRepository tranches) {
        this.programmes = programmes;
        this.recipients = recipients;
        this.tranches = tranches;
    }

    public TrancheView get(UUID programmeId, UUID trancheId, Optional<Set<UUID>> actsFor) {
        return TrancheView.of(visible(programmeId, trancheId, actsFor));
    }

    /** The tranche, if the reader may see it. */
    public Tranche visible(UUID programmeId, UUID trancheId, Optional<Set<UUID>> actsFor) {
        Tranche tranche = tranches.get(programmeId, trancheId);
        if (readable(programmeId, actsFor).map(r -> !r.contains(tranche.recipientId)).orElse(false)) {
            throw new NotFoundException("tranche", trancheId);
        }
        return tranche;
    }

    public Page<TrancheView> search(UUID programmeId, Integer fiscalYear, TrancheState state, UUID recipientId,
            Optional<Set<UUID>> actsFor, int page, int size) {
        programmes.get(programmeId);
        return Page.of(tranches.search(programmeId, fiscalYear, state, recipientId, readable(programmeId, actsFor)),
                page, size, TrancheView::of);
    }

    /** The recipients of the programme a member may read: its own, and the consortia they belong to. */
    private Optional<Set<UUID>> readable(UUID programmeId, Optional<Set<UUID>> actsFor) {
        return actsFor.map(own -> {
            Set<UUID> readable = new HashSet<>();
            for (Recipient r : recipients.ofProgramme(programmeId)) {
                if (own.contains(r.id)) {
                    readable.add(r.id);
                    if (r.consortiumId != null) {
                        readable.add(r.consortiumId);
                    }
                }
            }
            return readable;
        });
    }
}
