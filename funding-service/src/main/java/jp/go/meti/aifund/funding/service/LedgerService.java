package jp.go.meti.aifund.funding.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.funding.repository.LedgerRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.service.Views.LedgerEntryView;
import jp.go.meti.aifund.kernel.AuditChain;
import jp.go.meti.aifund.platform.rest.Page;

/** Reads the ledger; {@link Ledger} is the only writer. */
@ApplicationScoped
public class LedgerService {

    private final ProgrammeRepository programmes;
    private final LedgerRepository entries;

    public LedgerService(ProgrammeRepository programmes, LedgerRepository entries) {
        this.programmes = programmes;
        this.entries = entries;
    }

    public Page<LedgerEntryView> entries(UUID programmeId, UUID trancheId, int page, int size) {
        programmes.get(programmeId);
        return Page.of(entries.ofProgramme(programmeId, trancheId), page, size, LedgerEntryView::of);
    }

    /** The result of walking a programme's hash chain. */
    public record Verification(UUID programmeId, long entries, boolean intact, Long firstBrokenEntryId, String reason) {
    }

    /** Recomputes every hash of the programme's ledger, in order, and names the first entry that does not match. */
    @Transactional
    public Verification verify(UUID programmeId) {
        programmes.get(programmeId);
        List<AuditChain.Link> links = entries.ofProgramme(programmeId, null).stream()
                .map(e -> new AuditChain.Link(e.id, e.previousHash, e.hash, e.canonical())).toList();
        AuditChain.Break broken = AuditChain.firstBreak(links);
        return new Verification(programmeId, links.size(), broken == null, broken == null ? null : broken.entryId(),
                broken == null ? null : broken.reason());
    }
}
