package jp.go.meti.aifund.milestone.service;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.go.meti.aifund.scoring.Direction;

/** What NEDO's programme officers ask of the milestones of a fiscal year. */
public final class MilestoneCommands {

    /** Codes of milestones and goals: short, upper case, readable in a report. */
    static final String CODE = "[A-Z][A-Z0-9_-]{1,39}";
    /** Said from ValidationMessages.properties in the reader's language, as Bean Validation's own messages are. */
    static final String CODE_RULE = "{aifund.code.rule}";

    private MilestoneCommands() {
    }

    /**
     * A milestone as defined (POST) or redefined (PUT; the code never changes). The threshold is
     * the minimum acceptable value, on the near side of the target for the direction; the weights
     * of a year add up to 10,000 bp. {@code recipientId} names the recipient responsible, if one is;
     * {@code implementsGoal} the goal whose checkpoint of this fiscal year it implements, if it does
     * (measured in the goal's unit and direction, one current milestone per goal and year).
     */
    public record MilestoneDefinition(
            @NotNull @Pattern(regexp = CODE, message = CODE_RULE) String code,
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 200) String metric,
            @NotBlank @Size(max = 40) String unit,
            @NotNull Direction direction,
            @NotNull BigDecimal target,
            @NotNull BigDecimal threshold,
            @NotNull @Min(1) @Max(10_000) Integer weightBasisPoints,
            @NotNull Boolean critical,
            UUID recipientId,
            UUID implementsGoal) {
    }
}
