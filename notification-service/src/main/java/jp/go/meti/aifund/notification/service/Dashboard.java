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

    public record ProgrammeBoard(Figures totals, List<Tranches> tranches, List<Review> reviews,
            Map<Severity, Long> openWarnings) {
    }

    /** A programme's totals in yen, as the latest tranche event gave them. */
    public record Figures(UUID programmeId, long ceiling, long planned, long committed, long disbursed, long recovered,
            long headroom) {

        static Figures of(ProgrammeFigures f) {
            return new Figures(f.programmeId(), f.ceiling(), f.planned(), f.committed(), f.disbursed(), f.recovered(),
                    f.headroom());
        }
    }

    public record Tranches(int fiscalYear, String state, long count, long amount) {

        static Tranches of(TrancheGroup g) {
            return new Tranches(g.fiscalYear(), g.state(), g.count(), g.amount());
        }
    }

    public record Review(int fiscalYear, int revision, String state, int scoreBasisPoints, String outcome,
            boolean superseded) {

        static Review of(ReviewLine r) {
            return new Review(r.fiscalYear(), r.revision(), r.state(), r.scoreBasisPoints(), r.outcome(), r.superseded());
        }
    }

    private final ReadModel readModel;
    private final WarningRepository warnings;

    public Dashboard(ReadModel readModel, WarningRepository warnings) {
        this.readModel = readModel;
        this.warnings = warnings;
    }

    public List<Figures> programmes() {
        return readModel.programmes().stream().map(Figures::of).toList();
    }

    public ProgrammeBoard programme(UUID programmeId) {
        ProgrammeFigures totals = readModel.programmes().stream().filter(p -> p.programmeId().equals(programmeId))
                .findFirst().orElseThrow(() -> new NotFoundException("programme (no tranche event yet)", programmeId));
        Map<Severity, Long> open = new TreeMap<>();
        for (Severity s : Severity.values()) {
            open.put(s, warnings.count("programmeId = ?1 and severity = ?2 and state <> ?3", programmeId, s,
                    WarningState.RESOLVED));
        }
        return new ProgrammeBoard(Figures.of(totals), readModel.tranchesByYearAndState(programmeId).stream()
                .map(Tranches::of).toList(), readModel.reviewLines(programmeId).stream().map(Review::of).toList(), open);
    }
}
