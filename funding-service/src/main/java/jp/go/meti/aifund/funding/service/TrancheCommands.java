package jp.go.meti.aifund.funding.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.go.meti.aifund.funding.domain.Money;
import jp.go.meti.aifund.funding.domain.PaymentRule;

/** What a portal asks of a tranche. Every one of these moves or guards money and needs an Idempotency-Key. */
public final class TrancheCommands {

    private TrancheCommands() {
    }

    public record PlanTranche(
            @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
            @NotNull UUID recipientId,
            @NotNull @Positive @Max(Money.MAX_CEILING) Long amount,
            @Size(max = 2000) String description,
            @Schema(description = "Absent for an advance (a fixed amount)") @Valid ResultLinkTerms resultLink) {
    }

    /**
     * Makes a tranche result-linked: {@code amount} is then its allocation, earned by the result of
     * milestone {@code milestoneId} (of an earlier fiscal year of the same programme) under {@code rule};
     * the unearned part rolls over to the goal's next checkpoint until fiscal year {@code rollOverUntil}
     * (at most the programme's last) if given, else it lapses.
     */
    public record ResultLinkTerms(
            @NotNull UUID milestoneId,
            @NotNull PaymentRule rule,
            @Schema(nullable = true, description = "The last fiscal year a rolled-over remainder may be paid in; "
                    + "absent or null: the unearned part lapses") @Min(2000) @Max(2100) Integer rollOverUntil) {
    }

    /** Approve, disburse, hold, release or cancel: the reason is kept in the ledger. */
    public record Decision(@Size(max = 2000) String reason) {
    }

    /**
     * A disbursement: {@code disbursedOn} is the day the money was paid (a calendar day in Japan,
     * statutory interest on a later return order counts from it): today when absent, never in the
     * future, never before the tranche's fiscal year began. A payment is often recorded after it was made.
     */
    public record Disburse(@Size(max = 2000) String reason, LocalDate disbursedOn) {
    }

    /** A decision that needs its reason stated. */
    public record ReasonedDecision(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Reduce(
            @NotNull @Positive @Max(Money.MAX_CEILING) Long newAmount,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record Recover(
            @NotNull @Positive @Max(Money.MAX_CEILING) Long amount,
            @NotBlank @Size(max = 2000) String reason) {
    }
}
