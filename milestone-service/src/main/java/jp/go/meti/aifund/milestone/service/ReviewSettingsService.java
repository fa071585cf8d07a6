package jp.go.meti.aifund.milestone.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.go.meti.aifund.milestone.aggregate.ReviewSettings;
import jp.go.meti.aifund.milestone.repository.ReviewSettingsRepository;
import jp.go.meti.aifund.milestone.service.Views.ReviewSettingsView;
import jp.go.meti.aifund.platform.audit.Audited;

/** A programme's review settings, kept here because this service enforces them. */
@ApplicationScoped
public class ReviewSettingsService {

    private final ReviewSettingsRepository settings;
    private final ProgrammeCopies programmes;
    private final Clock clock;

    public ReviewSettingsService(ReviewSettingsRepository settings, ProgrammeCopies programmes, Clock clock) {
        this.settings = settings;
        this.programmes = programmes;
        this.clock = clock;
    }

    public ReviewSettingsView get(UUID programmeId) {
        programmes.require(programmeId);
        return ReviewSettingsView.of(settings.of(programmeId));
    }

    /**
     * Sets whether the programme's reviews need every result verified. It applies to every finalization
     * from now on, reviews in progress included; finalized reviews stand as they were decided.
     */
    @Transactional
    @Audited("review-settings.set")
    public ReviewSettingsView set(UUID programmeId, boolean verificationRequired, String actor) {
        programmes.require(programmeId);
        ReviewSettings s = settings.findByIdOptional(programmeId)
                .map(existing -> existing.set(verificationRequired, actor, clock.instant()))
                .orElseGet(() -> ReviewSettings.of(programmeId, verificationRequired, actor, clock.instant()));
        settings.persist(s);
        return ReviewSettingsView.of(s);
    }
}
