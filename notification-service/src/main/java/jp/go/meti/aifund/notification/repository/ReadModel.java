package jp.go.meti.aifund.notification.repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import jp.go.meti.aifund.kernel.LargestRemainder.Share;

/**
 * What notification-service knows of the other services, built only from their events. Upserts
 * keep the newest state by the funding ledger entry id, so a late redelivery never rolls it back.
 */
@ApplicationScoped
public class ReadModel {

    private final EntityManager em;
    /** The business clock, as every other instant this service shows (the demo's runs years ahead). */
    private final Clock clock;

    public ReadModel(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public record Totals(long ceiling, long headroom) {
    }

    /** A tranche as its newest event shows it, with the programme's figures at that ledger entry. */
    public record TrancheCopy(UUID trancheId, UUID programmeId, int fiscalYear, UUID recipientId, long amount,
            String state, Integer gatedByReviewYear, long ledgerEntryId, String stateReason, Instant stateSince,
            ProgrammeFigures programme) {
    }

    public record ReviewCopy(UUID reviewId, UUID programmeId, int fiscalYear, int revision, String state,
            String outcome, int scoreBasisPoints, LocalDate dueDate, String data) {
    }

    /**
     * Keeps the tranches and their programmes' figures, each programme's once (its newest), in two
     * JDBC batches: a replay sends hundreds of events per transaction, one round trip per batch.
     */
    public void saveTranches(List<TrancheCopy> tranches) {
        Map<UUID, TrancheCopy> newestPerProgramme = new LinkedHashMap<>();
        for (TrancheCopy t : tranches) {
            newestPerProgramme.merge(t.programmeId(), t, (a, b) -> b.ledgerEntryId() > a.ledgerEntryId() ? b : a);
        }
        Timestamp now = Timestamp.from(clock.instant());
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement tranche = connection.prepareStatement("INSERT INTO tranche_copy (tranche_id, "
                    + "programme_id, fiscal_year, recipient_id, amount, state, gated_by_review_year, ledger_entry_id, "
                    + "updated_at, state_reason, state_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (tranche_id) DO UPDATE SET amount = EXCLUDED.amount, state = EXCLUDED.state, "
                    + "ledger_entry_id = EXCLUDED.ledger_entry_id, updated_at = EXCLUDED.updated_at, "
                    + "state_reason = CASE WHEN tranche_copy.state = EXCLUDED.state THEN tranche_copy.state_reason "
                    + "ELSE EXCLUDED.state_reason END, state_since = CASE WHEN tranche_copy.state = EXCLUDED.state "
                    + "THEN tranche_copy.state_since ELSE EXCLUDED.state_since END "
                    + "WHERE tranche_copy.ledger_entry_id < EXCLUDED.ledger_entry_id")) {
                for (TrancheCopy t : tranches) {
                    tranche.setObject(1, t.trancheId());
                    tranche.setObject(2, t.programmeId());
                    tranche.setInt(3, t.fiscalYear());
                    tranche.setObject(4, t.recipientId());
                    tranche.setLong(5, t.amount());
                    tranche.setString(6, t.state());
                    tranche.setObject(7, t.gatedByReviewYear(), Types.INTEGER);
                    tranche.setLong(8, t.ledgerEntryId());
                    tranche.setTimestamp(9, now);
                    tranche.setString(10, t.stateReason());
                    tranche.setTimestamp(11, t.stateSince() == null ? null : Timestamp.from(t.stateSince()));
                    tranche.addBatch();
                }
                tranche.executeBatch();
            }
        });
        saveTotals(newestPerProgramme.values().stream().map(t -> new LedgeredTotals(t.programme(), t.ledgerEntryId()))
                .toList());
    }

    /** A programme's figures at a funding ledger entry. */
    public record LedgeredTotals(ProgrammeFigures figures, long ledgerEntryId) {
    }

    /** Keeps each programme's figures unless newer ones (a later ledger entry) are kept already; one batch. */
    public void saveTotals(List<LedgeredTotals> totals) {
        Timestamp now = Timestamp.from(clock.instant());
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO programme_totals "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (programme_id) DO UPDATE SET ceiling = EXCLUDED.ceiling, "
                    + "planned = EXCLUDED.planned, committed = EXCLUDED.committed, disbursed = EXCLUDED.disbursed, "
                    + "recovered = EXCLUDED.recovered, headroom = EXCLUDED.headroom, "
                    + "ledger_entry_id = EXCLUDED.ledger_entry_id, updated_at = EXCLUDED.updated_at "
                    + "WHERE programme_totals.ledger_entry_id < EXCLUDED.ledger_entry_id")) {
                for (LedgeredTotals t : totals) {
                    ProgrammeFigures f = t.figures();
                    upsert.setObject(1, f.programmeId());
                    upsert.setLong(2, f.ceiling());
                    upsert.setLong(3, f.planned());
                    upsert.setLong(4, f.committed());
                    upsert.setLong(5, f.disbursed());
                    upsert.setLong(6, f.recovered());
                    upsert.setLong(7, f.headroom());
                    upsert.setLong(8, t.ledgerEntryId());
                    upsert.setTimestamp(9, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /**
     * The programme as funding-service describes it; {@code envelopes} and {@code recipients} are JSON
     * arrays, {@code consortium} a JSON object (the founding shares and confirmed share tables, the
     * prospective members).
     */
    public record ProgrammeCopy(UUID programmeId, String name, int firstFiscalYear, int lastFiscalYear,
            String envelopes, String recipients, String consortium, String state, long sequence) {
    }

    /** Keeps the programme's description unless a later one (by funding-service's sequence) is kept already. */
    public void saveProgramme(ProgrammeCopy p) {
        em.createNativeQuery("INSERT INTO programme_copy (programme_id, name, first_fiscal_year, last_fiscal_year, "
                + "envelopes, recipients, consortium, sequence, updated_at, state) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                + "ON CONFLICT (programme_id) DO UPDATE SET name = EXCLUDED.name, "
                + "first_fiscal_year = EXCLUDED.first_fiscal_year, last_fiscal_year = EXCLUDED.last_fiscal_year, "
                + "envelopes = EXCLUDED.envelopes, recipients = EXCLUDED.recipients, consortium = EXCLUDED.consortium, "
                + "sequence = EXCLUDED.sequence, state = EXCLUDED.state, "
                + "updated_at = EXCLUDED.updated_at WHERE programme_copy.sequence < EXCLUDED.sequence")
                .setParameter(1, p.programmeId()).setParameter(2, p.name()).setParameter(3, p.firstFiscalYear())
                .setParameter(4, p.lastFiscalYear()).setParameter(5, p.envelopes()).setParameter(6, p.recipients())
                .setParameter(7, p.consortium()).setParameter(8, p.sequence()).setParameter(9, clock.instant())
                .setParameter(10, p.state())
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Optional<ProgrammeCopy> programme(UUID programmeId) {
        List<Object[]> rows = em.createNativeQuery("SELECT programme_id, name, first_fiscal_year, last_fiscal_year, "
                + "envelopes, recipients, consortium, state, sequence FROM programme_copy WHERE programme_id = ?1")
                .setParameter(1, programmeId).getResultList();
        return rows.stream().map(r -> new ProgrammeCopy((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(), (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                ((Number) r[8]).longValue()))
                .findFirst();
    }

    /** The programmes whose recipients include one of {@code recipients}, as the programme copies list them. */
    @SuppressWarnings("unchecked")
    public Set<UUID> programmesOf(Set<UUID> recipients) {
        if (recipients.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createNativeQuery("SELECT DISTINCT p.programme_id FROM programme_copy p, "
                + "jsonb_array_elements(CAST(p.recipients AS jsonb)) r WHERE r ->> 'recipientId' IN (:ids)")
                .setParameter("ids", recipients.stream().map(UUID::toString).toList()).getResultList().stream()
                .map(UUID.class::cast).toList());
    }

    /** The consortia that {@code recipients} are members of, as the programme copies list them. */
    @SuppressWarnings("unchecked")
    public Set<UUID> consortiaOf(Set<UUID> recipients) {
        if (recipients.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createNativeQuery("SELECT DISTINCT CAST(r ->> 'consortiumId' AS uuid) FROM programme_copy p, "
                + "jsonb_array_elements(CAST(p.recipients AS jsonb)) r WHERE r ->> 'role' = 'MEMBER' "
                + "AND r ->> 'consortiumId' IS NOT NULL AND r ->> 'recipientId' IN (:ids)")
                .setParameter("ids", recipients.stream().map(UUID::toString).toList()).getResultList().stream()
                .map(UUID.class::cast).toList());
    }

    @SuppressWarnings("unchecked")
    public Map<UUID, String> programmeNames() {
        List<Object[]> rows = em.createNativeQuery("SELECT programme_id, name FROM programme_copy").getResultList();
        Map<UUID, String> names = new LinkedHashMap<>();
        rows.forEach(r -> names.put((UUID) r[0], (String) r[1]));
        return names;
    }

    /** The programmes' figures as kept, after any newer event (one query for all of them). */
    @SuppressWarnings("unchecked")
    public Map<UUID, Totals> totals(Collection<UUID> programmeIds) {
        List<Object[]> rows = em.createNativeQuery("SELECT programme_id, ceiling, headroom FROM programme_totals "
                + "WHERE programme_id = ANY(?1)").setParameter(1, programmeIds.toArray(UUID[]::new)).getResultList();
        Map<UUID, Totals> totals = new LinkedHashMap<>();
        rows.forEach(r -> totals.put((UUID) r[0], new Totals(((Number) r[1]).longValue(), ((Number) r[2]).longValue())));
        return totals;
    }

    /**
     * How far this copy has followed funding-service's ledger for the programme: the newest ledger
     * entry applied (null if none yet). Every figure computed from the copy is an estimate as of it.
     */
    public Long copyPosition(UUID programmeId) {
        List<?> rows = em.createNativeQuery("SELECT ledger_entry_id FROM programme_totals WHERE programme_id = ?1")
                .setParameter(1, programmeId).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    /** The amount of the tranches gated by the review of {@code reviewedYear} and not yet paid or cancelled. */
    public long openGatedAmount(UUID programmeId, int reviewedYear) {
        return ((Number) em.createNativeQuery("SELECT coalesce(sum(amount), 0) FROM tranche_copy WHERE programme_id = ?1 "
                + "AND gated_by_review_year = ?2 AND state IN ('PLANNED', 'APPROVED', 'ON_HOLD', 'REDUCED')")
                .setParameter(1, programmeId).setParameter(2, reviewedYear).getSingleResult()).longValue();
    }

    public record OpenTranche(UUID trancheId, int fiscalYear, UUID recipientId, long amount, String state) {
    }

    /** The tranches a pullback on the review of {@code reviewedYear} would hold. */
    @SuppressWarnings("unchecked")
    public List<OpenTranche> openGatedTranches(UUID programmeId, int reviewedYear) {
        List<Object[]> rows = em.createNativeQuery("SELECT tranche_id, fiscal_year, recipient_id, amount, state "
                + "FROM tranche_copy WHERE programme_id = ?1 AND gated_by_review_year = ?2 "
                + "AND state IN ('PLANNED', 'APPROVED', 'ON_HOLD', 'REDUCED') ORDER BY tranche_id")
                .setParameter(1, programmeId).setParameter(2, reviewedYear).getResultList();
        return rows.stream().map(r -> new OpenTranche((UUID) r[0], ((Number) r[1]).intValue(), (UUID) r[2],
                ((Number) r[3]).longValue(), (String) r[4])).toList();
    }

    /** (programme, reviewed year) pairs that gate tranches: each owes a finalized review. */
    @SuppressWarnings("unchecked")
    public List<Object[]> yearsOwingAReview() {
        return em.createNativeQuery("SELECT DISTINCT programme_id, gated_by_review_year FROM tranche_copy "
                + "WHERE gated_by_review_year IS NOT NULL UNION SELECT programme_id, fiscal_year FROM review_copy")
                .getResultList();
    }

    public void replaceMembers(UUID programmeId, List<Share> members) {
        em.createNativeQuery("DELETE FROM member_share WHERE programme_id = ?1").setParameter(1, programmeId)
                .executeUpdate();
        for (Share m : members) {
            em.createNativeQuery("INSERT INTO member_share VALUES (?1, ?2, ?3, ?4)").setParameter(1, programmeId)
                    .setParameter(2, m.recipientId()).setParameter(3, m.name()).setParameter(4, m.basisPoints())
                    .executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    public List<Share> members(UUID programmeId) {
        List<Object[]> rows = em.createNativeQuery("SELECT recipient_id, name, share_basis_points FROM member_share "
                + "WHERE programme_id = ?1 ORDER BY share_basis_points DESC, name").setParameter(1, programmeId)
                .getResultList();
        return rows.stream().map(r -> new Share((UUID) r[0], (String) r[1], ((Number) r[2]).intValue())).toList();
    }

    /** Keeps a review revision; a finalized amendment supersedes the revision it corrects. */
    public void saveReview(ReviewCopy r, UUID amends) {
        em.createNativeQuery("INSERT INTO review_copy (review_id, programme_id, fiscal_year, revision, state, outcome, "
                + "score_basis_points, due_date, data, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                + "ON CONFLICT (review_id) DO UPDATE SET state = EXCLUDED.state, outcome = EXCLUDED.outcome, "
                + "score_basis_points = EXCLUDED.score_basis_points, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at")
                .setParameter(1, r.reviewId()).setParameter(2, r.programmeId()).setParameter(3, r.fiscalYear())
                .setParameter(4, r.revision()).setParameter(5, r.state()).setParameter(6, r.outcome())
                .setParameter(7, r.scoreBasisPoints()).setParameter(8, r.dueDate()).setParameter(9, r.data())
                .setParameter(10, clock.instant()).executeUpdate();
        if (amends != null) {
            em.createNativeQuery("UPDATE review_copy SET superseded = true WHERE review_id = ?1").setParameter(1, amends)
                    .executeUpdate();
        }
    }

    public Optional<ReviewCopy> review(UUID reviewId) {
        return reviews("review_id = ?1", reviewId).stream().findFirst();
    }

    /** The finalized, not superseded revision of a year, if any. */
    public Optional<ReviewCopy> finalized(UUID programmeId, int fiscalYear) {
        return reviews("programme_id = ?1 AND fiscal_year = ?2 AND state = 'FINALIZED' AND NOT superseded",
                programmeId, fiscalYear).stream().findFirst();
    }

    /**
     * Whether a standing finalized review of a later fiscal year than {@code fiscalYear} has a result
     * for the goal: then a result of {@code fiscalYear} (an amendment, say) is not the goal's latest.
     */
    public boolean laterGoalResult(UUID programmeId, int fiscalYear, UUID goalId) {
        return !reviews("programme_id = ?1 AND fiscal_year > ?2 AND state = 'FINALIZED' AND NOT superseded "
                + "AND CAST(data AS jsonb) @> CAST(?3 AS jsonb)", programmeId, fiscalYear,
                "{\"milestones\":[{\"goal\":{\"goalId\":\"" + goalId + "\"}}]}").isEmpty();
    }

    /** The standing finalized revision of each reviewed fiscal year, oldest year first. */
    public List<ReviewCopy> standingReviews(UUID programmeId) {
        return reviews("programme_id = ?1 AND state = 'FINALIZED' AND NOT superseded ORDER BY fiscal_year", programmeId);
    }

    /** The latest submitted revision of a year still waiting for a decision, if any. */
    public Optional<ReviewCopy> submitted(UUID programmeId, int fiscalYear) {
        return reviews("programme_id = ?1 AND fiscal_year = ?2 AND state = 'SUBMITTED' ORDER BY revision DESC",
                programmeId, fiscalYear).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<ReviewCopy> reviews(String where, Object... parameters) {
        var query = em.createNativeQuery("SELECT review_id, programme_id, fiscal_year, revision, state, outcome, "
                + "score_basis_points, due_date, data FROM review_copy WHERE " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new ReviewCopy((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(), (String) r[4], (String) r[5], ((Number) r[6]).intValue(),
                localDate(r[7]), (String) r[8])).toList();
    }

    private static LocalDate localDate(Object column) {
        return column instanceof LocalDate date ? date : ((java.sql.Date) column).toLocalDate();
    }

    public record ProgrammeFigures(UUID programmeId, long ceiling, long planned, long committed, long disbursed,
            long recovered, long headroom) {
    }

    public record TrancheGroup(int fiscalYear, String state, long count, long amount) {
    }

    public record ReviewLine(int fiscalYear, int revision, String state, int scoreBasisPoints, String outcome,
            boolean superseded) {
    }

    @SuppressWarnings("unchecked")
    public List<ProgrammeFigures> programmes() {
        List<Object[]> rows = em.createNativeQuery("SELECT programme_id, ceiling, planned, committed, disbursed, "
                + "recovered, headroom FROM programme_totals ORDER BY updated_at DESC").getResultList();
        return rows.stream().map(r -> new ProgrammeFigures((UUID) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                ((Number) r[5]).longValue(), ((Number) r[6]).longValue())).toList();
    }

    @SuppressWarnings("unchecked")
    public List<TrancheGroup> tranchesByYearAndState(UUID programmeId) {
        List<Object[]> rows = em.createNativeQuery("SELECT fiscal_year, state, count(*), sum(amount) FROM tranche_copy "
                + "WHERE programme_id = ?1 GROUP BY fiscal_year, state ORDER BY fiscal_year, state")
                .setParameter(1, programmeId).getResultList();
        return rows.stream().map(r -> new TrancheGroup(((Number) r[0]).intValue(), (String) r[1],
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }

    /** A tranche on hold: why (the reason of the ledger entry that held it) and since when. */
    public record HeldTranche(UUID trancheId, int fiscalYear, UUID recipientId, long amount, Integer gatedByReviewYear,
            String reason, Instant since) {
    }

    @SuppressWarnings("unchecked")
    public List<HeldTranche> heldTranches(UUID programmeId) {
        List<Object[]> rows = em.createNativeQuery("SELECT tranche_id, fiscal_year, recipient_id, amount, "
                + "gated_by_review_year, state_reason, state_since FROM tranche_copy WHERE programme_id = ?1 "
                + "AND state = 'ON_HOLD' ORDER BY fiscal_year, tranche_id").setParameter(1, programmeId).getResultList();
        return rows.stream().map(r -> new HeldTranche((UUID) r[0], ((Number) r[1]).intValue(), (UUID) r[2],
                ((Number) r[3]).longValue(), r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5],
                instant(r[6]))).toList();
    }

    /** When this service last learnt something of the programme (its figures, tranches, reviews or description). */
    public Instant asOf(UUID programmeId) {
        return instant(em.createNativeQuery("SELECT GREATEST((SELECT updated_at FROM programme_totals WHERE programme_id = ?1), "
                + "(SELECT max(updated_at) FROM review_copy WHERE programme_id = ?1), "
                + "(SELECT updated_at FROM programme_copy WHERE programme_id = ?1))").setParameter(1, programmeId)
                .getSingleResult());
    }

    private static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Instant i) {
            return i;
        }
        if (column instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) column).toInstant();
    }

    @SuppressWarnings("unchecked")
    public List<ReviewLine> reviewLines(UUID programmeId) {
        List<Object[]> rows = em.createNativeQuery("SELECT fiscal_year, revision, state, score_basis_points, outcome, "
                + "superseded FROM review_copy WHERE programme_id = ?1 ORDER BY fiscal_year, revision")
                .setParameter(1, programmeId).getResultList();
        return rows.stream().map(r -> new ReviewLine(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                (String) r[2], ((Number) r[3]).intValue(), (String) r[4], (Boolean) r[5])).toList();
    }
}
