package jp.go.meti.aifund.notification.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WarningState;
import jp.go.meti.aifund.notification.repository.ReadModel;
import jp.go.meti.aifund.notification.repository.ReadModel.ProgrammeFigures;
import jp.go.meti.aifund.notification.repository.ReadModel.ReviewLine;
import jp.go.meti.aifund.notification.repository.ReadModel.TrancheGroup;
import jp.go.meti.aifund.notification.repository.WarningRepository;
import jp.go.meti.aifund.platform.domain.NotFoundException;

/** What a programme officer sees at a glance, from this service's read model. */
@ApplicationScoped
public class Dashboard {

    public record ProgrammeBoard(ProgrammeFigures totals, List<TrancheGroup> tranches, List<ReviewLine> reviews,
            Map<Severity, Long> openWarnings) {
    }

    private final ReadModel readModel;
    private final WarningRepository warnings;

    public Dashboard(ReadModel readModel, WarningRepository warnings) {
        this.readModel = readModel;
        this.warnings = warnings;
    }

    public List<ProgrammeFigures> programmes() {
        return readModel.programmes();
    }

    public ProgrammeBoard programme(UUID programmeId) {
        ProgrammeFigures totals = readModel.programmes().stream().filter(p -> p.programmeId().equals(programmeId))
                .findFirst().orElseThrow(() -> new NotFoundException("programme (no tranche event yet)", programmeId));
        Map<Severity, Long> open = new TreeMap<>();
        for (Severity s : Severity.values()) {
            open.put(s, warnings.count("programmeId = ?1 and severity = ?2 and state <> ?3", programmeId, s,
                    WarningState.RESOLVED));
        }
        return new ProgrammeBoard(totals, readModel.tranchesByYearAndState(programmeId),
                readModel.reviewLines(programmeId), open);
    }
}
