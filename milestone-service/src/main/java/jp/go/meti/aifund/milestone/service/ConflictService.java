package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.milestone.aggregate.ConflictDeclaration;
import jp.go.meti.aifund.milestone.repository.ConflictRepository;
import jp.go.meti.aifund.milestone.aggregate.Milestone;
import jp.go.meti.aifund.milestone.service.ReviewCommands.DeclareConflict;
import jp.go.meti.aifund.milestone.service.Views.ConflictView;
import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.platform.audit.Audited;

/**
 * Reviewers' declared relations to recipients, and the rule they enforce: whoever is related to
 * the recipient responsible for a milestone can neither record nor finalize its result.
 */
@ApplicationScoped
public class ConflictService {

    private final ConflictRepository conflicts;
    private final ProgrammeCopies programmes;
    private final Clock clock;

    public ConflictService(ConflictRepository conflicts, ProgrammeCopies programmes, Clock clock) {
        this.conflicts = conflicts;
        this.programmes = programmes;
        this.clock = clock;
    }

    /**
     * A reviewer declares their own relation; a programme administrator may declare anyone's. The
     * recipient is one of a programme's, as this service's copy knows them (recipient ids are unique
     * across programmes, so the declaration needs no programme).
     */
    @Transactional
    @Audited("conflict.declared")
    public ConflictView declare(DeclareConflict command, String actor, boolean administrator) {
        ConflictDeclaration c = ConflictDeclaration.declare(command.reviewer(), command.recipientId(),
                command.reason(), actor, administrator, clock.instant());
        programmes.requireKnownRecipient(c.recipientId);
        if (conflicts.of(c.reviewer, c.recipientId).isPresent()) {
            throw ConflictException.of("milestone.conflict.declared", c.reviewer, c.recipientId);
        }
        conflicts.persist(c);
        return ConflictView.of(c);
    }

    public ConflictView get(UUID id) {
        return ConflictView.of(conflicts.findByIdOptional(id).orElseThrow(() -> new NotFoundException("conflict declaration", id)));
    }

    public List<ConflictView> search(String reviewer, UUID recipientId) {
        return conflicts.search(reviewer, recipientId).stream().map(ConflictView::of).toList();
    }

    public void requireNone(String reviewer, Milestone milestone) {
        if (milestone.recipientId != null) {
            conflicts.of(reviewer, milestone.recipientId).ifPresent(c -> c.requireUnrelatedTo(milestone));
        }
    }
}
