package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.milestone.config.MilestoneConfig;
import jp.go.meti.aifund.milestone.domain.UnknownProgrammeException;
import jp.go.meti.aifund.milestone.aggregate.ProgrammeCopy;
import jp.go.meti.aifund.milestone.repository.ProgrammeCopyRepository;
import jp.go.meti.aifund.milestone.aggregate.RecipientCopy;
import jp.go.meti.aifund.milestone.service.Views.ProgrammeCopyView;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;

/**
 * This service's copy of funding-service's programmes (which own them): each programme event's
 * snapshot replaces the copy when it is newer, by the programme's own event sequence; and the rules
 * every write naming a programme, fiscal year or recipient passes. What the copy does not know is
 * refused, saying the copy may lag.
 */
@ApplicationScoped
public class ProgrammeCopies {

    /** The role funding-service gives the recipient that receives the tranches. */
    private static final String CONSORTIUM = "CONSORTIUM";

    private final ProgrammeCopyRepository copies;
    private final MilestoneConfig config;
    private final Clock clock;

    public ProgrammeCopies(ProgrammeCopyRepository copies, MilestoneConfig config, Clock clock) {
        this.copies = copies;
        this.config = config;
        this.clock = clock;
    }

    /** A programme's state as an event carries it (only what this service needs of it). */
    public record Snapshot(UUID eventId, UUID programmeId, String name, int firstFiscalYear, int lastFiscalYear,
            long sequence, Instant changedAt, List<Recipient> recipients) {
    }

    public record Recipient(UUID recipientId, String name, String role, UUID consortiumId) {
    }

    /** Applies a snapshot in the consumer's transaction; false when the copy already holds it or a later one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(Snapshot s) {
        ProgrammeCopy copy = ProgrammeCopy.from(s.eventId(), s.programmeId(), s.name(), s.firstFiscalYear(),
                s.lastFiscalYear(), s.sequence(), s.changedAt(), clock.instant());
        List<RecipientCopy> recipients = IntStream.range(0, s.recipients().size()).mapToObj(i -> {
            Recipient r = s.recipients().get(i);
            return copy.recipient(i, r.recipientId(), r.name(), r.role(), r.consortiumId());
        }).toList();
        return copies.replace(copy, recipients);
    }

    public ProgrammeCopyView get(UUID programmeId) {
        return ProgrammeCopyView.of(require(programmeId), copies.recipients(programmeId), config.programmeTopic());
    }

    /** The programme, known to the copy, covering the fiscal year: 404 if unknown, 400 on {@code fiscalYear} if outside. */
    public void requireFiscalYear(UUID programmeId, int fiscalYear) {
        ProgrammeCopy p = require(programmeId);
        if (!p.coversFiscalYear(fiscalYear)) {
            throw new InvalidRequestException("fiscalYear", new Text("milestone.programme.outside",
                    Text.fiscalYear(fiscalYear), programmeId, Text.fiscalYear(p.firstFiscalYear),
                    Text.fiscalYear(p.lastFiscalYear)));
        }
    }

    /** A recipient of that programme, as far as the copy knows: 400 on {@code recipientId} otherwise. */
    public void requireRecipient(UUID programmeId, UUID recipientId) {
        require(programmeId);
        if (copies.recipient(recipientId).filter(r -> r.programmeId.equals(programmeId)).isEmpty()) {
            throw new InvalidRequestException("recipientId", new Text("milestone.copy.no-recipient", programmeId,
                    config.programmeTopic()));
        }
    }

    /** A recipient of some programme, as far as the copy knows: 400 on {@code recipientId} otherwise. */
    public void requireKnownRecipient(UUID recipientId) {
        if (copies.recipient(recipientId).isEmpty()) {
            throw new InvalidRequestException("recipientId", new Text("milestone.copy.no-recipient-any",
                    config.programmeTopic()));
        }
    }

    /** The programme's consortium, the recipient responsible for its consortium-wide milestones, if the copy knows it. */
    public Optional<UUID> consortiumOf(UUID programmeId) {
        return copies.recipients(programmeId).stream().filter(r -> CONSORTIUM.equals(r.role))
                .map(r -> r.recipientId).findFirst();
    }

    /** The programme as the copy knows it: 404 if it does not (yet). */
    public ProgrammeCopy require(UUID programmeId) {
        return copies.find(programmeId).orElseThrow(() -> new UnknownProgrammeException(programmeId, config.programmeTopic()));
    }
}
