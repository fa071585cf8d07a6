package jp.go.meti.aifund.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification, so any of its libraries verifies ours. */
    @Test
    void matchesTheStandardWebhooksReferenceExample() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aReceiverVerifiesOursAndRefusesATamperedBody() {
        String secret = WebhookSignature.newSecret();
        String signature = WebhookSignature.sign(secret, "id-1", 1_800_000_000L, "{\"a\":1}");
        assertThat(WebhookSignature.verify(secret, "id-1", 1_800_000_000L, "{\"a\":1}", "v1,x " + signature)).isTrue();
        assertThat(WebhookSignature.verify(secret, "id-1", 1_800_000_000L, "{\"a\":2}", signature)).isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), "id-1", 1_800_000_000L, "{\"a\":1}", signature))
                .isFalse();
    }
}
