package jp.go.meti.aifund.milestone.aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.kernel.ConflictException;
import jp.go.meti.aifund.kernel.Text;
import jp.go.meti.aifund.milestone.domain.Verdict;

/**
 * How a programme's reviews are decided, beyond the rules every review obeys: whether each result
 * must be verified by the independent verifier before METI may finalize. Absent, nothing more is asked.
 */
@Entity
@Table(name = "review_settings")
public class ReviewSettings {

    @Id
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "verification_required")
    public boolean verificationRequired;
    @Column(name = "set_by")
    public String setBy;
    @Column(name = "set_at")
    public Instant setAt;

    /** For JPA; settings begin with {@link #of}. */
    protected ReviewSettings() {
    }

    public static ReviewSettings of(UUID programmeId, boolean verificationRequired, String actor, Instant at) {
        return unset(programmeId).set(verificationRequired, actor, at);
    }

    /** The settings of a programme nobody configured: no verification required, set by nobody. */
    public static ReviewSettings unset(UUID programmeId) {
        ReviewSettings s = new ReviewSettings();
        s.programmeId = programmeId;
        return s;
    }

    public ReviewSettings set(boolean verificationRequired, String actor, Instant at) {
        this.verificationRequired = verificationRequired;
        this.setBy = actor;
        this.setAt = at;
        return this;
    }

    /**
     * Where verification is required, every result is VERIFIED before the review is finalized: one
     * without a verdict, or NOT_VERIFIED (its value must then be corrected, in a draft, and verified
     * again), is refused. {@code verdicts}: by result id; {@code milestones}: the results' milestones by id.
     */
    public void requireVerified(List<ReviewResult> results, Map<UUID, ResultVerification> verdicts,
            Map<UUID, Milestone> milestones) {
        if (!verificationRequired) {
            return;
        }
        List<Text> unverified = results.stream()
                .filter(r -> verdicts.get(r.id) == null || verdicts.get(r.id).verdict != Verdict.VERIFIED)
                .map(r -> verdicts.get(r.id) == null
                        ? new Text("milestone.verify.no-verdict", milestones.get(r.milestoneId).code)
                        : new Text("milestone.verify.not-verified", milestones.get(r.milestoneId).code,
                                verdicts.get(r.id).reason))
                .toList();
        if (!unverified.isEmpty()) {
            Text said = unverified.get(0);
            for (Text next : unverified.subList(1, unverified.size())) {
                said = new Text("milestone.list.semicolon", said, next); // "a; b" in English, "a、b" in Japanese
            }
            throw ConflictException.of("milestone.verify.required", programmeId, said);
        }
    }
}
