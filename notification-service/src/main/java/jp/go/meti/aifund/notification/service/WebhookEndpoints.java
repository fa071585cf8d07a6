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
import jp.go.meti.aifund.kernel.Text;

/** Applies {@link EndpointRules} to a URL, looking its host up as a delivery would. */
@ApplicationScoped
public class WebhookEndpoints {

    private final EndpointRules rules;

    public WebhookEndpoints(NotificationConfig config) {
        NotificationConfig.Webhooks webhooks = config.webhooks();
        this.rules = new EndpointRules(webhooks.requireHttps(),
                webhooks.allowedNetworks().orElse(List.of()).stream().map(EndpointRules.Network::parse).toList());
    }

    /** Why deliveries to {@code url} are refused now, if they are: in English, as the delivery log keeps it. */
    public Optional<String> refusalOf(String url) {
        return reasonOf(url).map(Text::toString);
    }

    /** Why deliveries to {@code url} are refused now, if they are. */
    public Optional<Text> reasonOf(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(new Text("notification.url.malformed", e.getReason())); // the JDK's reason, in English
        }
        Optional<Text> refusal = rules.reasonOf(uri);
        if (refusal.isPresent()) {
            return refusal;
        }
        try {
            return rules.reasonOf(uri.getHost(), List.of(InetAddress.getAllByName(uri.getHost())));
        } catch (UnknownHostException e) {
            return Optional.of(new Text("notification.url.unresolved", uri.getHost()));
        }
    }

    public void require(String url) {
        reasonOf(url).ifPresent(reason -> {
            throw new InvalidRequestException("url", reason);
        });
    }
}
