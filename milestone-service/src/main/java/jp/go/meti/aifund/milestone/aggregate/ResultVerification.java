package jp.go.meti.aifund.milestone.aggregate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.go.meti.aifund.kernel.FourEyes;
import jp.go.meti.aifund.milestone.domain.ReviewAction;
import jp.go.meti.aifund.milestone.domain.Verdict;

/**
 * The independent verifier's verdict on a result of a submitted review, whose values are frozen:
 * given by someone who neither recorded nor reported the result; changed by a new verdict while the
 * review is submitted; dropped when the result is recorded again.
 */
@Entity
@Table(name = "result_verification")
public class ResultVerification {

    @Id
    @Column(name = "result_id")
    public UUID resultId;
    @Column(name = "review_id")
    public UUID reviewId;
    @Enumerated(EnumType.STRING)
    public Verdict verdict;
    public String reason;
    @Column(name = "verified_by")
    public String verifiedBy;
    @Column(name = "verified_at")
    public Instant verifiedAt;

    /** For JPA; a verdict begins with {@link #of}. */
    protected ResultVerification() {
    }

    private ResultVerification(ReviewResult result) {
        this.resultId = result.id;
        this.reviewId = result.reviewId;
    }

    /** A first verdict on {@code result}; see {@link #give}. */
    public static ResultVerification of(Review review, ReviewResult result, Verdict verdict, String reason,
            String actor, Instant at) {
        return new ResultVerification(result).give(review, result, verdict, reason, actor, at);
    }

    /** Gives (or replaces) the verdict on a result of a submitted review; returns this. */
    public ResultVerification give(Review review, ReviewResult result, Verdict verdict, String reason, String actor,
            Instant at) {
        review.state.after(ReviewAction.VERIFY);
        if (!result.id.equals(resultId) || !review.id.equals(result.reviewId)) {
            throw new IllegalArgumentException("result " + result.id + " is not the one of this verdict");
        }
        FourEyes.requireDifferent("this result", result.recordedBy, "recorded", actor, "verify");
        FourEyes.requireDifferent("this result", result.reportedBy, "reported", actor, "verify");
        FourEyes.requireDifferent("the review of this result", review.submittedBy, "submitted", actor, "verify");
        this.verdict = verdict;
        this.reason = reason.strip();
        this.verifiedBy = actor;
        this.verifiedAt = at;
        return this;
    }
}
