package jp.go.meti.aifund.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;

import jp.go.meti.aifund.kernel.AuditChain;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.OpenApiContract;
import jp.go.meti.aifund.platform.rest.Page;

/**
 * The service's tamper-evident audit trail of decisions: one hash chain, appended one entry at a
 * time under a transaction-scoped advisory lock (decisions are rare; the ledger, which is not,
 * chains per programme instead).
 */
@ApplicationScoped
public class AuditTrail {

    private final AuditEntries entries;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(AuditEntries entries, ObjectMapper json, Clock clock) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
    }

    public record EntryView(long id, Instant recordedAt, String actor, String action, String subject,
            @Schema(ref = OpenApiContract.ANY_VALUES, description = "The arguments of the decision, in order, as recorded")
            JsonNode details, String previousHash, String hash) {
    }

    public record Verification(boolean intact, long entries, Long firstBrokenEntryId, String reason) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(String action, String subject, Object[] arguments) {
        AuditEntry entry = new AuditEntry();
        entry.previousHash = entries.lockLastHash();
        entry.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        entry.actor = actor();
        entry.action = action;
        entry.subject = subject;
        try {
            entry.details = json.writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit details of " + action, e);
        }
        entry.hash = AuditChain.hash(entry.previousHash, entry.canonical());
        entries.persist(entry);
    }

    /** The person behind the request; "system" for a decision no request made. */
    private static String actor() {
        return Arc.container().requestContext().isActive() ? Arc.container().instance(Caller.class).get().name()
                : "system";
    }

    @Transactional
    public Page<EntryView> search(String actor, String action, String subject, int page, int size) {
        return Page.of(entries.search(actor, action, subject), page, size, this::view);
    }

    /** Walks the whole chain, recomputing every hash. */
    @Transactional
    public Verification verify() {
        AtomicLong count = new AtomicLong();
        AuditChain.Break broken = AuditChain.firstBreak(() -> entries.inOrder().peek(e -> count.incrementAndGet())
                .map(e -> new AuditChain.Link(e.id, e.previousHash, e.hash, e.canonical())).iterator());
        return broken == null ? new Verification(true, count.get(), null, null)
                : new Verification(false, count.get(), broken.entryId(), broken.reason());
    }

    private EntryView view(AuditEntry e) {
        try {
            return new EntryView(e.id, e.recordedAt, e.actor, e.action, e.subject, json.readTree(e.details),
                    e.previousHash, e.hash);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("audit entry " + e.id + " holds unreadable details", unreadable);
        }
    }
}
