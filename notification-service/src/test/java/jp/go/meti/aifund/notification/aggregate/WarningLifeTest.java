package jp.go.meti.aifund.notification.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.notification.domain.DeliveryState;
import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WarningChangeKind;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.domain.WarningState;

/** The warning's life and its webhooks' rules, with no framework. */
class WarningLifeTest {

    private static final Instant NOW = Instant.parse("2027-05-20T06:30:00Z");
    private final UUID programme = UUID.randomUUID();

    private Warning pullback() {
        return Warning.raise(WarningKind.PULLBACK_RECOMMENDED, 2026, new Warning.Said("Pullback recommended", null),
                new Warning.Said("detail", null), programme, null,
                List.of(UUID.randomUUID()), "pullback-policy/2", null, null, NOW);
    }

    @Test
    void aWarningIsAcknowledgedThenResolvedAndNeverBack() {
        Warning w = pullback();
        assertThat(w.state).isEqualTo(WarningState.OPEN);
        assertThat(w.severity).isEqualTo(WarningKind.PULLBACK_RECOMMENDED.severity());
        assertThat(w.acknowledge("meti.a", "seen", NOW)).isEqualTo(WarningChangeKind.ACKNOWLEDGED);
        assertThatThrownBy(() -> w.acknowledge("meti.b", "again", NOW)).isInstanceOf(ConflictException.class);
        assertThat(w.resolve("meti.b", "decided", NOW.plusSeconds(60))).isEqualTo(WarningChangeKind.RESOLVED);
        assertThat(w.resolvedBy).isEqualTo("meti.b");
        assertThatThrownBy(() -> w.resolve("meti.b", "again", NOW)).isInstanceOf(ConflictException.class);
        assertThat(w.acknowledgedBy).isEqualTo("meti.a");
    }

    @Test
    void aSubscriptionWantsItsProgrammeAtItsSeverityAndRotatesWithAnOverlap() {
        WebhookSubscription s = WebhookSubscription.subscribe("https://portal.example/hooks", Severity.values()[0],
                programme, "en", "portal", NOW);
        assertThat(s.wants(pullback())).isTrue();
        assertThat(WebhookSubscription.subscribe("https://x.example", Severity.values()[0], UUID.randomUUID(), "en", "p", NOW)
                .wants(pullback())).isFalse();
        String first = s.secret;
        s.rotateSecret(Duration.ofHours(24), NOW);
        assertThat(s.secret).startsWith("whsec_").isNotEqualTo(first);
        assertThat(s.previousSecret).isEqualTo(first);
        assertThat(s.previousSecretUntil).isEqualTo(NOW.plus(Duration.ofHours(24)));
        s.activate(true, NOW.plusSeconds(5));
        assertThat(s.updatedAt).as("the same state again changes nothing").isEqualTo(NOW);
        s.delete(NOW.plusSeconds(9));
        assertThat(s.active).isFalse();
        assertThat(s.deletedAt).isEqualTo(NOW.plusSeconds(9));
    }

    @Test
    void aDeliveryRetriesWithBackoffUntilATwoHundredAnswer() {
        WebhookSubscription s = WebhookSubscription.subscribe("https://portal.example/hooks", Severity.values()[0],
                null, "en", "portal", NOW);
        WebhookDelivery d = WebhookDelivery.of(UUID.randomUUID(), 7, s, NOW);
        assertThat(d.changePosition).isEqualTo(7);
        assertThat(d.state).isEqualTo(DeliveryState.PENDING);
        d.attempted(new WebhookAttempt(d.id, NOW, 503, null, 12), NOW, n -> Duration.ofSeconds(2L << (n - 1)));
        d.attempted(new WebhookAttempt(d.id, NOW, null, "the connection was refused", 3), NOW,
                n -> Duration.ofSeconds(2L << (n - 1)));
        assertThat(d.attempts).isEqualTo(2);
        assertThat(d.nextAttemptAt).isEqualTo(NOW.plusSeconds(4));
        assertThat(d.state).isEqualTo(DeliveryState.PENDING);
        d.attempted(new WebhookAttempt(d.id, NOW, 204, null, 8), NOW.plusSeconds(5), n -> Duration.ZERO);
        assertThat(d.state).isEqualTo(DeliveryState.DELIVERED);
        assertThat(d.deliveredAt).isEqualTo(NOW.plusSeconds(5));
    }
}
