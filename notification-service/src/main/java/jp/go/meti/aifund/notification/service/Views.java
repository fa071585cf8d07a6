package jp.go.meti.aifund.notification.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonRawValue;

import jp.go.meti.aifund.notification.domain.DeliveryState;
import jp.go.meti.aifund.notification.domain.PullbackPolicy;
import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WarningChangeKind;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.domain.WarningState;
import jp.go.meti.aifund.notification.aggregate.Warning;
import jp.go.meti.aifund.notification.aggregate.WebhookAttempt;
import jp.go.meti.aifund.notification.aggregate.WebhookDelivery;
import jp.go.meti.aifund.notification.aggregate.WebhookSubscription;

/** What the service answers: immutable records, never entities. */
public final class Views {

    private Views() {
    }

    /** A warning; {@code figures} is the computed reduction and its split, as stored. */
    public record WarningView(UUID id, WarningKind kind, Severity severity, UUID programmeId, Integer fiscalYear,
            WarningState state, String title, String detail, List<String> causeEventIds, String policyVersion,
            @JsonRawValue @Schema(implementation = PullbackPolicy.Reduction.class) String figures, Instant createdAt, Step acknowledged, Step resolved,
            Decision decision) {

        /** The warning as it is journaled and pushed: in English. */
        public static WarningView of(Warning w) {
            return of(w, Locale.ENGLISH);
        }

        /** The warning with its title and detail in {@code language} (English if it was raised before texts were kept). */
        public static WarningView of(Warning w, Locale language) {
            return new WarningView(w.id, w.kind, w.severity, w.programmeId, w.fiscalYear, w.state,
                    w.titleText == null ? w.title : TextJson.read(w.titleText).in(language),
                    w.detailText == null ? w.detail : TextJson.read(w.detailText).in(language),
                    Arrays.stream(w.causeEventIds.split(",")).filter(s -> !s.isBlank()).toList(), w.policyVersion,
                    w.figures, w.createdAt, Step.of(w.acknowledgedBy, w.acknowledgedAt, w.acknowledgeNote),
                    Step.of(w.resolvedBy, w.resolvedAt, w.resolveNote),
                    w.decisionId == null ? null : new Decision(w.decisionId, w.decisionState));
        }
    }

    /**
     * The ministry decision that followed a warning, in funding-service ({@code GET
     * /api/programmes/{p}/budget-decisions/{id}}): a TERMINATE decision after a termination review.
     */
    public record Decision(UUID budgetDecisionId, String state) {
    }

    /**
     * A change in a warning's life as it is pushed (server-sent event, webhook): its position in
     * commit order, what happened, when, and the warning as the change left it.
     */
    public record WarningChangeView(long position, WarningChangeKind change, Instant at,
            @JsonRawValue @Schema(implementation = WarningView.class) String warning) {
    }

    public record Step(String by, Instant at, String note) {

        static Step of(String by, Instant at, String note) {
            return by == null ? null : new Step(by, at, note);
        }
    }

    /**
     * A subscription; the secret appears only in the answers to its creation and to a rotation.
     * While {@code previousSecretUntil} lies ahead, deliveries are signed with the previous secret too.
     */
    public record SubscriptionView(UUID id, String url, Severity minSeverity, UUID programmeId, boolean active,
            String createdBy, Instant createdAt, Instant updatedAt, Instant previousSecretUntil, String secret,
            @Schema(description = "The language of the warnings' titles and details it is sent: en or ja") String language) {

        static SubscriptionView of(WebhookSubscription s, boolean withSecret) {
            return new SubscriptionView(s.id, s.url, s.minSeverity, s.programmeId, s.active, s.createdBy, s.createdAt,
                    s.updatedAt, s.previousSecretUntil, withSecret ? s.secret : null, s.language);
        }

        /** The subscription as every later read shows it (whose ETag a later write names). */
        public SubscriptionView withoutSecret() {
            return new SubscriptionView(id, url, minSeverity, programmeId, active, createdBy, createdAt, updatedAt,
                    previousSecretUntil, null, language);
        }
    }

    /** One change of one warning to one subscriber, with every attempt; {@code type} as in its body. */
    public record DeliveryView(UUID id, UUID warningId, String type, long changePosition, DeliveryState state, int attempts,
            Instant nextAttemptAt, Instant createdAt, Instant deliveredAt, List<AttemptView> attemptLog) {

        static DeliveryView of(WebhookDelivery d, WarningChangeKind change, List<WebhookAttempt> attempts) {
            return new DeliveryView(d.id, d.warningId, change.eventType(), d.changePosition, d.state, d.attempts,
                    d.nextAttemptAt, d.createdAt, d.deliveredAt,
                    attempts.stream().map(a -> new AttemptView(a.attemptedAt, a.statusCode, a.error, a.durationMs))
                            .toList());
        }
    }

    public record AttemptView(Instant at, Integer statusCode, String error, long durationMs) {
    }
}
