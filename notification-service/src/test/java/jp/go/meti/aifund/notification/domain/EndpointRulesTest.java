package jp.go.meti.aifund.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.go.meti.aifund.notification.domain.EndpointRules.Network;

/** Where webhooks may go, in production's settings (https, no internal network allowed). */
class EndpointRulesTest {

    private final EndpointRules production = new EndpointRules(true, List.of());

    private static List<InetAddress> at(String literal) throws Exception {
        return List.of(InetAddress.getByName(literal));
    }

    @Test
    void productionAcceptsOnlyHttpsWithoutUserInformation() {
        assertThat(production.refusalOf(URI.create("https://hooks.example.jp/aifund"))).isEmpty();
        assertThat(production.refusalOf(URI.create("http://hooks.example.jp/aifund"))).contains("must be an https URL");
        assertThat(production.refusalOf(URI.create("https://user:pw@hooks.example.jp/"))).isPresent();
        assertThat(new EndpointRules(false, List.of()).refusalOf(URI.create("http://hooks.example.jp/"))).isEmpty();
    }

    @Test
    void everyInternalRangeIsRefusedAndPublicAddressesAreNot() throws Exception {
        for (String internal : List.of("127.0.0.1", "127.8.8.8", "::1", "169.254.169.254", "fe80::1", "10.1.2.3",
                "172.31.255.255", "192.168.0.1", "100.64.0.1", "100.100.100.200", "fd00:ec2::254", "0.0.0.0", "::",
                "224.0.0.1", "255.255.255.255", "::ffff:10.0.0.1")) {
            assertThat(production.refusalOf("h", at(internal))).as(internal).isPresent();
        }
        for (String external : List.of("203.0.113.7", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1")) {
            assertThat(production.refusalOf("h", at(external))).as(external).isEmpty();
        }
    }

    @Test
    void oneInternalAddressAmongSeveralIsEnoughToRefuseAndAnAllowedNetworkIsAllowed() throws Exception {
        List<InetAddress> mixed = List.of(InetAddress.getByName("203.0.113.7"), InetAddress.getByName("10.0.0.9"));
        assertThat(production.refusalOf("rebound.example", mixed)).get().asString().contains("10.0.0.9");
        EndpointRules local = new EndpointRules(false, List.of(Network.parse("127.0.0.1/32"), Network.parse("10.0.0.0/8")));
        assertThat(local.refusalOf("h", at("127.0.0.1"))).isEmpty();
        assertThat(local.refusalOf("h", mixed)).isEmpty();
        assertThat(local.refusalOf("h", at("127.0.0.2"))).isPresent();
        assertThatThrownBy(() -> Network.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Network.parse("not-an-address/8")).isInstanceOf(IllegalArgumentException.class);
    }
}
