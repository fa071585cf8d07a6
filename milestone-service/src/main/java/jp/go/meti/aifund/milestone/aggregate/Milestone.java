package jp.go.meti.aifund.milestone.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.InvalidRequestException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.scoring.Direction;
import jp.go.meti.aifund.scoring.Kpi;

/** A milestone version. Once a result refers to it, it never changes: an edit makes a new version. */
@Entity
public class Milestone {

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    public String code;
    public int version;
    public String title;
    public String metric;
    public String unit;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    public BigDecimal target;
    public BigDecimal threshold;
    @Column(name = "weight_basis_points")
    public int weightBasisPoints;
    public boolean critical;
    /** The recipient responsible for it; null when it is the whole consortium's. */
    @Column(name = "recipient_id")
    public UUID recipientId;
    /** The goal whose checkpoint of this fiscal year it implements, if any (see {@link Goal#requireImplementableBy}). */
    @Column(name = "implements_goal")
    public UUID implementsGoal;
    @Column(name = "superseded_by")
    public UUID supersededBy;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    /** For JPA; a milestone begins with {@link #define}. */
    protected Milestone() {
    }

    private Milestone(UUID programmeId, int fiscalYear, String code, int version, Terms terms, String actor,
            Instant at) {
        this.id = UUID.randomUUID();
        this.programmeId = programmeId;
        this.fiscalYear = fiscalYear;
        this.code = code;
        this.version = version;
        set(terms, actor, at);
    }

    /** What a (re)definition sets; the code, programme and fiscal year never change. */
    public record Terms(String title, String metric, String unit, Direction direction, BigDecimal target,
            BigDecimal threshold, int weightBasisPoints, boolean critical, UUID recipientId, UUID implementsGoal) {
    }

    /** Version 1 of a new milestone of a programme's fiscal year. */
    public static Milestone define(UUID programmeId, int fiscalYear, String code, Terms terms, String actor,
            Instant at) {
        return new Milestone(programmeId, fiscalYear, code, 1, terms, actor, at);
    }

    /** A redefinition keeps the code and edits the current version (checked before the year's weights are). */
    public void requireRedefinableAs(String newCode) {
        if (!code.equals(newCode)) {
            throw new InvalidRequestException("code", new Text("milestone.milestone.code-fixed", code));
        }
        if (supersededBy != null) {
            throw ConflictException.of("milestone.milestone.superseded", code, String.valueOf(version), supersededBy);
        }
    }

    /**
     * Redefines this version in place while no result refers to it ({@code assessed} false). Once one
     * does, it is frozen, since a finalized review must always read the targets it was assessed against:
     * the new terms make a new version that supersedes it, which is returned for the caller to persist
     * (after this one has left the "one current version per code" index).
     */
    public Optional<Milestone> redefine(String newCode, Terms terms, boolean assessed, String actor, Instant at) {
        requireRedefinableAs(newCode);
        if (!assessed) {
            set(terms, actor, at);
            return Optional.empty();
        }
        Milestone next = new Milestone(programmeId, fiscalYear, code, version + 1, terms, actor, at);
        supersededBy = next.id;
        return Optional.of(next);
    }

    /** Only an unassessed first version that nothing superseded may be removed; any other stays on record. */
    public void requireRemovable(boolean assessed) {
        if (assessed || supersededBy != null || version > 1) {
            throw ConflictException.of("milestone.milestone.on-record", code, String.valueOf(version));
        }
    }

    public Kpi kpi() {
        return new Kpi(direction, target, threshold);
    }

    private void set(Terms terms, String actor, Instant at) {
        // refuses a threshold on the wrong side of the target
        Kpi kpi = new Kpi(terms.direction(), terms.target(), terms.threshold());
        title = terms.title().strip();
        metric = terms.metric().strip();
        unit = terms.unit().strip();
        direction = kpi.direction();
        target = kpi.target();
        threshold = kpi.threshold();
        weightBasisPoints = terms.weightBasisPoints();
        critical = terms.critical();
        recipientId = terms.recipientId();
        implementsGoal = terms.implementsGoal();
        createdBy = actor;
        createdAt = at;
    }
}
