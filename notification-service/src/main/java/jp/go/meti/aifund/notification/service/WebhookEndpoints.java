package jp.go.meti.aifund.notification.service;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import jp.go.meti.aifund.notification.config.NotificationConfig;
import jp.go.meti.aifund.notification.domain.EndpointRules;
import jp.go.meti.aifund.kernel.InvalidRequestException;

/** Applies {@link EndpointRules} to a URL, looking its host up as a delivery would. */
@ApplicationScoped
public class WebhookEndpoints {

    private final EndpointRules rules;

    public WebhookEndpoints(NotificationConfig config) {
        NotificationConfig.Webhooks webhooks = config.webhooks();
        this.rules = new EndpointRules(webhooks.requireHttps(),
                webhooks.allowedNetworks().orElse(List.of()).stream().map(EndpointRules.Network::parse).toList());
    }

    /** Why deliveries to {@code url} are refused now, if they are. */
    public Optional<String> refusalOf(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be a URL (" + e.getReason() + ")");
        }
        Optional<String> refusal = rules.refusalOf(uri);
        if (refusal.isPresent()) {
            return refusal;
        }
        try {
            return rules.refusalOf(uri.getHost(), List.of(InetAddress.getAllByName(uri.getHost())));
        } catch (UnknownHostException e) {
            return Optional.of("must name a host that resolves: " + uri.getHost() + " does not");
        }
    }

    public void require(String url) {
        refusalOf(url).ifPresent(reason -> {
            throw new InvalidRequestException("url", reason);
        });
    }
}
