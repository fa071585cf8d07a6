package jp.go.meti.aifund.funding.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.go.meti.aifund.kernel.FiscalYear;
import jp.go.meti.aifund.funding.domain.Money;
import jp.go.meti.aifund.funding.domain.RecipientRole;

/** What a portal asks of a programme: the request bodies, validated before the service runs. */
public final class ProgrammeCommands {

    private ProgrammeCommands() {
    }

    public record CreateProgramme(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Positive @Max(Money.MAX_CEILING) Long ceiling,
            @NotNull @Min(2000) @Max(2100) Integer firstFiscalYear,
            @NotNull @Min(2000) @Max(2100) Integer lastFiscalYear,
            @NotBlank @Size(max = 100) String commissioningMinistry,
            @NotBlank @Size(max = 100) String executingAgency,
            @Schema(description = "Days the recipients have to answer the notice of an adverse proposal (弁明の機会); "
                    + "14 unless given") @Min(1) @Max(90) Integer hearingDays) {
    }

    public record SetEnvelope(
            @NotNull @PositiveOrZero @Max(Money.MAX_CEILING) Long amount,
            @Size(max = 2000) String reason) {
    }

    public record OverrideGate(@NotBlank @Size(max = 2000) String reason) {
    }

    public record AddRecipient(
            @NotBlank @Size(max = 200) String name,
            @NotNull RecipientRole role,
            UUID consortiumId,
            @Min(0) @Max(10_000) Integer shareBasisPoints) {
    }
}
