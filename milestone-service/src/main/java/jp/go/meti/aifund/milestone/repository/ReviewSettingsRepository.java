package jp.go.meti.aifund.milestone.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jp.go.meti.aifund.milestone.aggregate.ReviewSettings;

@ApplicationScoped
public class ReviewSettingsRepository implements PanacheRepositoryBase<ReviewSettings, UUID> {

    /** A programme's settings; one never set requires no verification (nothing persisted). */
    public ReviewSettings of(UUID programmeId) {
        return findByIdOptional(programmeId).orElseGet(() -> ReviewSettings.unset(programmeId));
    }
}
