package jp.go.meti.aifund.notification.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.go.meti.aifund.notification.config.NotificationConfig;
import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.repository.WarningChangeRepository;
import jp.go.meti.aifund.notification.repository.WebhookRepository;
import jp.go.meti.aifund.notification.aggregate.WebhookSubscription;
import jp.go.meti.aifund.notification.service.Views.DeliveryView;
import jp.go.meti.aifund.notification.service.Views.SubscriptionView;
import jp.go.meti.aifund.platform.audit.Audited;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.platform.rest.ETags;

/**
 * Webhook subscriptions, each controlled by its owner (who created it): listed, disabled and
 * re-enabled, deleted, its secret rotated. Others see none of them (404, as if absent); an
 * auditor reads them all. Endpoint URLs are checked by {@link WebhookEndpoints}.
 */
@ApplicationScoped
public class Subscriptions {

    public record Subscribe(@NotNull @Size(max = 2000) String url, @NotNull Severity minSeverity, UUID programmeId,
            @Schema(description = "The language of the warnings' titles and details it is sent: en (the default) or ja")
            @Pattern(regexp = "^(en|ja)$") String language) {
    }

    /** A change of a subscription; {@code active: false} disables it (deliveries wait), {@code true} re-enables it. */
    public record Change(@NotNull Boolean active) {
    }

    /** Who asks: the owner of the subscriptions they act on, or an auditor reading all. */
    public record Asking(String name, boolean readsAll) {
    }

    private final WebhookRepository webhooks;
    private final WarningChangeRepository changes;
    private final WebhookEndpoints endpoints;
    private final ETags etags;
    private final Clock clock;
    private final NotificationConfig.Webhooks config;

    public Subscriptions(WebhookRepository webhooks, WarningChangeRepository changes, WebhookEndpoints endpoints,
            ETags etags, Clock clock, NotificationConfig config) {
        this.webhooks = webhooks;
        this.changes = changes;
        this.endpoints = endpoints;
        this.etags = etags;
        this.clock = clock;
        this.config = config.webhooks();
    }

    /** The answer carries the signing secret, once. */
    @Transactional
    @Audited("webhook.subscribed")
    public SubscriptionView subscribe(Subscribe command, String actor) {
        endpoints.require(command.url());
        WebhookSubscription s = WebhookSubscription.subscribe(command.url(), command.minSeverity(),
                command.programmeId(), command.language(), actor, clock.instant());
        webhooks.persist(s);
        return SubscriptionView.of(s, true);
    }

    public List<SubscriptionView> list(Asking asking) {
        return webhooks.subscriptions(asking.readsAll() ? null : asking.name()).stream()
                .map(s -> SubscriptionView.of(s, false)).toList();
    }

    public SubscriptionView get(UUID id, Asking asking) {
        return SubscriptionView.of(visible(id, asking), false);
    }

    @Transactional
    @Audited("webhook.changed")
    public SubscriptionView change(UUID id, Change change, String owner, String ifMatch) {
        WebhookSubscription s = owned(id, owner);
        etags.require(ifMatch, SubscriptionView.of(s, false));
        s.activate(change.active(), clock.instant());
        return SubscriptionView.of(s, false);
    }

    /** Kept with its deliveries for the record; what was still pending is cancelled. */
    @Transactional
    @Audited("webhook.deleted")
    public void delete(UUID id, String owner, String ifMatch) {
        WebhookSubscription s = owned(id, owner);
        etags.require(ifMatch, SubscriptionView.of(s, false));
        s.delete(clock.instant());
        webhooks.cancelPending(s.id);
    }

    /**
     * A new secret, in the answer only; the previous one keeps signing beside it for the rotation
     * overlap, so receivers can switch without losing a delivery (Standard Webhooks allows several
     * signatures in one header).
     */
    @Transactional
    @Audited("webhook.secret-rotated")
    public SubscriptionView rotateSecret(UUID id, String owner, String ifMatch) {
        WebhookSubscription s = owned(id, owner);
        etags.require(ifMatch, SubscriptionView.of(s, false));
        s.rotateSecret(config.rotationOverlap(), clock.instant());
        return SubscriptionView.of(s, true);
    }

    public List<DeliveryView> deliveries(UUID subscriptionId, Asking asking) {
        visible(subscriptionId, asking);
        return webhooks.deliveries(subscriptionId).stream()
                .map(d -> DeliveryView.of(d, changes.get(d.changePosition).change, webhooks.attempts(d.id))).toList();
    }

    private WebhookSubscription visible(UUID id, Asking asking) {
        WebhookSubscription s = webhooks.subscription(id);
        if (!asking.readsAll() && !s.createdBy.equals(asking.name())) {
            throw new NotFoundException("webhook subscription", id);
        }
        return s;
    }

    /** The caller's own subscription, locked for a change. */
    private WebhookSubscription owned(UUID id, String owner) {
        WebhookSubscription s = webhooks.lockSubscription(id);
        if (!s.createdBy.equals(owner)) {
            throw new NotFoundException("webhook subscription", id);
        }
        return s;
    }
}
