package jp.go.meti.aifund.milestone.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.go.meti.aifund.scoring.Direction;

/** What NEDO's programme officers ask of a programme's goals. */
public final class GoalCommands {

    private GoalCommands() {
    }

    /**
     * A goal that spans years: its final target, due in {@code finalFiscalYear} or on {@code finalDate}
     * (exactly one; a date may lie beyond the programme), and the checkpoints of the programme's years.
     */
    public record GoalDefinition(
            @NotNull @Pattern(regexp = MilestoneCommands.CODE, message = MilestoneCommands.CODE_RULE) String code,
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 200) String metric,
            @NotBlank @Size(max = 40) String unit,
            @NotNull Direction direction,
            @NotNull BigDecimal finalTarget,
            @Schema(description = "The final value still acceptable; the final target when not given") BigDecimal finalThreshold,
            @Schema(description = "The fiscal year the final target is due; or give finalDate") @Min(2000) @Max(2100) Integer finalFiscalYear,
            @Schema(description = "The day the final target is due, e.g. 2040-03-31; or give finalFiscalYear") LocalDate finalDate,
            @Schema(description = "Free-text tags, each once") @Size(max = 50) List<@NotBlank @Size(max = 100) String> sectors,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Checkpoint> checkpoints) {
    }

    /** The target of one fiscal year of the programme; checkpoints in ascending years, one per year. */
    public record Checkpoint(@NotNull @Min(2000) @Max(2100) Integer fiscalYear, @NotNull BigDecimal target) {
    }
}
