package jp.go.meti.aifund.notification.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.go.meti.aifund.kernel.Text;

/**
 * Where webhooks may be sent: {@code https} (plain {@code http} only where the settings allow it,
 * in development), and never to an address inside the service's own network (loopback, link-local
 * and with it the cloud metadata endpoints, private, shared and unique-local ranges, any-local,
 * multicast), unless a network is explicitly allowed. Checked on every address a host name resolves
 * to, at subscription and again before every delivery (a name can be re-pointed in between).
 */
public final class EndpointRules {

    /** A network given as {@code address/prefix}, e.g. {@code 127.0.0.1/32}. */
    public record Network(InetAddress address, int prefix) {

        public static Network parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an address literal: " + cidr);
            }
            try {
                InetAddress address = InetAddress.getByName(parts[0]); // a literal: no look-up
                int bits = address.getAddress().length * 8;
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("prefix of " + cidr + " is out of range");
                }
                return new Network(address, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a network address/prefix: " + cidr, e);
            }
        }

        public boolean contains(InetAddress candidate) {
            byte[] a = address.getAddress();
            byte[] b = candidate.getAddress();
            if (a.length != b.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Network> INTERNAL = List.of(Network.parse("100.64.0.0/10"), // shared (carrier NAT)
            Network.parse("192.0.0.0/24"), Network.parse("198.18.0.0/15"), Network.parse("240.0.0.0/4"),
            Network.parse("fc00::/7")); // IPv6 unique local (e.g. fd00:ec2::254, a metadata endpoint)

    private final boolean requireHttps;
    private final List<Network> allowed;

    public EndpointRules(boolean requireHttps, List<Network> allowed) {
        this.requireHttps = requireHttps;
        this.allowed = List.copyOf(allowed);
    }

    /** Why a URL is refused before its host is looked up (scheme, form), if it is: in English. */
    public Optional<String> refusalOf(URI url) {
        return reasonOf(url).map(Text::toString);
    }

    /** Why a URL is refused before its host is looked up (scheme, form), if it is. */
    public Optional<Text> reasonOf(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            return Optional.of(new Text(requireHttps ? "notification.url.https" : "notification.url.http"));
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of(new Text("notification.url.user-info"));
        }
        if (url.getHost() == null) {
            return Optional.of(new Text("notification.url.no-host"));
        }
        return Optional.empty();
    }

    /** Why the addresses a host resolved to are refused, if one of them is: in English. */
    public Optional<String> refusalOf(String host, List<InetAddress> addresses) {
        return reasonOf(host, addresses).map(Text::toString);
    }

    /** Why the addresses a host resolved to are refused, if one of them is. */
    public Optional<Text> reasonOf(String host, List<InetAddress> addresses) {
        for (InetAddress a : addresses) {
            if (isInternal(a) && allowed.stream().noneMatch(n -> n.contains(a))) {
                return Optional.of(new Text("notification.url.internal", host, a.getHostAddress()));
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress a) {
        return a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress() || isBroadcast(a) || INTERNAL.stream().anyMatch(n -> n.contains(a))
                || (a instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress());
    }

    private static boolean isBroadcast(InetAddress a) {
        return a instanceof Inet4Address && a.getHostAddress().equals("255.255.255.255");
    }
}
