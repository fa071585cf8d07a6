package jp.go.meti.aifund.platform.audit;

import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jp.go.meti.aifund.kernel.AuditChain;
import jp.go.meti.aifund.platform.repository.Filter;

@ApplicationScoped
public class AuditEntries implements PanacheRepository<AuditEntry> {

    /** The advisory lock key of the chain's end ("audit" in ASCII). */
    private static final long CHAIN_LOCK = 0x6175646974L;

    /** Locks the end of the chain until the transaction ends, and returns its hash. */
    String lockLastHash() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult();
        return find("ORDER BY id DESC").firstResultOptional().map(e -> e.hash).orElse(AuditChain.GENESIS);
    }

    PanacheQuery<AuditEntry> search(String actor, String action, String subject) {
        Filter filter = new Filter().and("actor", actor).and("action", action).and("subject", subject);
        return find(filter.query(), Sort.by("id"), filter.parameters());
    }

    Stream<AuditEntry> inOrder() {
        return streamAll(Sort.by("id"));
    }
}
