package jp.go.meti.aifund.system;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

import jp.go.meti.aifund.infra.local.DevTokens;
import jp.go.meti.aifund.infra.local.LocalStack;

/** The typed clients the build generates from each service's OpenAPI document, pointed at a running stack. */
final class PortalClients {

    private final LocalStack stack;
    private final DevTokens tokens;

    PortalClients(LocalStack stack, DevTokens tokens) {
        this.stack = stack;
        this.tokens = tokens;
    }

    jp.go.meti.aifund.portal.funding.ApiClient funding(String person, String role) {
        var client = new jp.go.meti.aifund.portal.funding.ApiClient();
        client.updateBaseUri(stack.url("funding-service"));
        return client.setRequestInterceptor(bearer(person, role));
    }

    jp.go.meti.aifund.portal.milestone.ApiClient milestones(String person, String role) {
        var client = new jp.go.meti.aifund.portal.milestone.ApiClient();
        client.updateBaseUri(stack.url("milestone-service"));
        return client.setRequestInterceptor(bearer(person, role));
    }

    jp.go.meti.aifund.portal.notification.ApiClient notifications(String person, String role) {
        var client = new jp.go.meti.aifund.portal.notification.ApiClient();
        client.updateBaseUri(stack.url("notification-service"));
        return client.setRequestInterceptor(bearer(person, role));
    }

    private Consumer<HttpRequest.Builder> bearer(String person, String role) {
        String token = tokens.mint(person, role, Duration.ofHours(1));
        return request -> request.header("Authorization", "Bearer " + token);
    }
}
