package jp.go.meti.aifund.milestone.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.go.meti.aifund.milestone.domain.Evidence;
import jp.go.meti.aifund.milestone.domain.Verdict;

/** What reviewers ask of an annual review. Evidence is checked by the domain rule, field by field. */
public final class ReviewCommands {

    private ReviewCommands() {
    }

    /** A measured value of a milestone, in the milestone's unit, with its evidence. */
    public record RecordResult(
            @NotNull BigDecimal value,
            @NotBlank @Size(max = 40) String unit,
            @NotNull LocalDate asOf,
            List<Evidence> evidence,
            @Size(max = 2000) String note) {
    }

    /** Returning, amending: the reason is kept with the review. */
    public record Reasoned(@NotBlank @Size(max = 2000) String reason) {
    }

    /** METI's decision note, kept with the finalized review and published with it. */
    public record Finalize(@Size(max = 2000) String note) {
    }

    /** The verifier's verdict on a result, and why (what was checked, or what did not hold). */
    public record Verify(@NotNull Verdict verdict, @NotBlank @Size(max = 2000) String reason) {
    }

    /** Whether every result must be verified before METI may finalize a review of the programme. */
    public record SetReviewSettings(@NotNull Boolean verificationRequired) {
    }

    public record DeclareConflict(
            @NotBlank @Size(max = 200) String reviewer,
            @NotNull UUID recipientId,
            @NotBlank @Size(max = 2000) String reason) {
    }
}
