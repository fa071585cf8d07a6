package jp.go.meti.aifund.funding.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.funding.aggregate.Envelope;
import jp.go.meti.aifund.kernel.NotFoundException;
import jp.go.meti.aifund.kernel.Text;

@ApplicationScoped
public class EnvelopeRepository implements PanacheRepositoryBase<Envelope, UUID> {

    public Optional<Envelope> find(UUID programmeId, int fiscalYear) {
        return find("programmeId = ?1 and fiscalYear = ?2", programmeId, fiscalYear).firstResultOptional();
    }

    public Envelope get(UUID programmeId, int fiscalYear) {
        return find(programmeId, fiscalYear)
                .orElseThrow(() -> new NotFoundException("fiscal-year envelope", Text.fiscalYear(fiscalYear)));
    }

    public List<Envelope> ofProgramme(UUID programmeId) {
        return list("programmeId", Sort.by("fiscalYear"), programmeId);
    }
}
