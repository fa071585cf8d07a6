package jp.go.meti.aifund.notification.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WebhookSignature;
import jp.go.meti.aifund.notification.repository.WebhookRepository;
import jp.go.meti.aifund.notification.repository.WebhookSubscription;
import jp.go.meti.aifund.notification.service.Views.DeliveryView;
import jp.go.meti.aifund.notification.service.Views.SubscriptionView;
import jp.go.meti.aifund.platform.audit.Audited;

/** Webhook subscriptions and what was delivered to them. */
@ApplicationScoped
public class Subscriptions {

    public record Subscribe(
            @NotNull @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") String url,
            @NotNull Severity minSeverity,
            UUID programmeId) {
    }

    private final WebhookRepository webhooks;
    private final Clock clock;

    public Subscriptions(WebhookRepository webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** The answer carries the signing secret, once. */
    @Transactional
    @Audited("webhook.subscribed")
    public SubscriptionView subscribe(Subscribe command, String actor) {
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.url = command.url();
        s.secret = WebhookSignature.newSecret();
        s.minSeverity = command.minSeverity();
        s.programmeId = command.programmeId();
        s.createdBy = actor;
        s.createdAt = clock.instant();
        s.active = true;
        webhooks.persist(s);
        return SubscriptionView.of(s, true);
    }

    public List<SubscriptionView> list() {
        return webhooks.subscriptions().stream().map(s -> SubscriptionView.of(s, false)).toList();
    }

    public List<DeliveryView> deliveries(UUID subscriptionId) {
        webhooks.subscription(subscriptionId);
        return webhooks.deliveries(subscriptionId).stream().map(d -> DeliveryView.of(d, webhooks.attempts(d.id))).toList();
    }
}
