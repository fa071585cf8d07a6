package jp.go.meti.aifund.funding.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.funding.repository.LedgerRepository;
import jp.go.meti.aifund.funding.repository.ProgrammeRepository;
import jp.go.meti.aifund.funding.service.Views.LedgerEntryView;
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
}
