package jp.go.meti.aifund.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.opentelemetry.runtime.config.runtime.exporter.OtlpExporterConfigBuilder;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Where traces go, as Quarkus resolves it: the shared defaults (META-INF/microprofile-config.properties,
 * ordinal 100), the environment a pod gets from its ConfigMap (ordinal 300) and the OpenTelemetry
 * extension's own fallbacks (the traces endpoint falls back to the OTLP endpoint). A default that names
 * the traces endpoint itself would win over the ConfigMap's QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT.
 */
class TracingConfigTest {

    private static final String TRACES = "quarkus.otel.exporter.otlp.traces.endpoint";

    private static SmallRyeConfig withEnvironment(Map<String, String> env) throws IOException {
        URL defaults = TracingConfigTest.class.getResource("/META-INF/microprofile-config.properties");
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(new PropertiesConfigSource(defaults, 100))
                .withSources(new EnvConfigSource(env, 300));
        return new OtlpExporterConfigBuilder().configBuilder(builder).build();
    }

    /** What a service's ConfigMap in deploy/kubernetes/base sets the OTLP endpoint to. */
    private static String configMapEndpoint(String service) throws IOException {
        String manifest = Files.readString(Path.of("..", "deploy", "kubernetes", "base", service + ".yaml"));
        Matcher m = Pattern.compile("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: (\\S+)").matcher(manifest);
        assertThat(m.find()).as(service + "'s ConfigMap sets QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").isTrue();
        return m.group(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"funding-service", "milestone-service", "notification-service"})
    void tracesGoWhereTheConfigMapSays(String service) throws IOException {
        String endpoint = configMapEndpoint(service);
        assertThat(endpoint).isNotBlank().doesNotContain("localhost");
        assertThat(withEnvironment(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)).getValue(TRACES,
                String.class)).isEqualTo(endpoint);
    }

    @Test
    void theStandardVariableAndTheLocalCollectorServeWhereNothingElseIsSet() throws IOException {
        assertThat(withEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector.example:4317"))
                .getValue(TRACES, String.class)).isEqualTo("http://collector.example:4317");
        assertThat(withEnvironment(Map.of()).getValue(TRACES, String.class)).isEqualTo("http://localhost:4317");
    }
}
