package jp.go.meti.aifund.milestone.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import jp.go.meti.aifund.milestone.aggregate.ConflictDeclaration;

@ApplicationScoped
public class ConflictRepository implements PanacheRepositoryBase<ConflictDeclaration, UUID> {

    public Optional<ConflictDeclaration> of(String reviewer, UUID recipientId) {
        return find("reviewer = ?1 and recipientId = ?2", reviewer, recipientId).firstResultOptional();
    }

    public List<ConflictDeclaration> search(String reviewer, UUID recipientId) {
        if (reviewer != null && recipientId != null) {
            return of(reviewer, recipientId).stream().toList();
        }
        if (reviewer != null) {
            return list("reviewer", Sort.by("declaredAt"), reviewer);
        }
        if (recipientId != null) {
            return list("recipientId", Sort.by("declaredAt"), recipientId);
        }
        return listAll(Sort.by("declaredAt"));
    }
}
