package jp.go.meti.aifund.infra.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The classpath of a broker JVM: this module's own classes plus the jars listed at build time.
 * It references no Kafka class, so a launcher can use it without the broker's jars.
 */
public final class BrokerClasspath {

    static final String RESOURCE = "aifund-kafka-broker.classpath";

    private BrokerClasspath() {
    }

    public static String mainClass() {
        return "jp.go.meti.aifund.infra.broker.KraftBroker";
    }

    public static String get() {
        try (InputStream in = BrokerClasspath.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build tools/kafka-broker first");
            }
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return ownLocation() + java.io.File.pathSeparator + jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ownLocation() {
        URL location = BrokerClasspath.class.getProtectionDomain().getCodeSource().getLocation();
        try {
            return Path.of(location.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
