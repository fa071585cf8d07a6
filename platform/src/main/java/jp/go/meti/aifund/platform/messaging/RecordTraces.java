package jp.go.meti.aifund.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Work done for one record of a batch, in a span continuing the record's trace. The connector
 * makes a record's trace current only when records are consumed one at a time; without this, what
 * a batch-consumed event causes (a pullback recommendation, say) would start a trace of its own.
 */
@ApplicationScoped
public class RecordTraces {

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final OpenTelemetry telemetry;

    public RecordTraces(OpenTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    public void within(ConsumerRecord<?, ?> record, Runnable work) {
        Context parent = telemetry.getPropagators().getTextMapPropagator().extract(Context.root(), record.headers(),
                HEADERS);
        Span span = telemetry.getTracer("aifund").spanBuilder(record.topic() + " process").setParent(parent)
                .setSpanKind(SpanKind.CONSUMER).startSpan();
        try (Scope scope = span.makeCurrent()) {
            work.run();
        } finally {
            span.end();
        }
    }
}
