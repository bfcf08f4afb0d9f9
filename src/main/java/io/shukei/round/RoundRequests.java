package io.shukei.round;

import io.shukei.http.TextRules;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.shukei.tally.Policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class RoundRequests {

    private RoundRequests() {
    }

    @Schema(name = "RoundCreate")
    record Create(
            @NotBlank @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.NO_CONTROL)
            @Schema(examples = "2026年度 情報セキュリティ自社診断") String title,
            @NotNull @Min(1) @Max(Long.MAX_VALUE) @Schema(description = "The unit whose subtree takes part", examples = "1") Long scopeUnitId,
            @Size(min = 1, max = 100_000)
            @Schema(description = "Defaults to every active leaf unit under the scope") List<@NotNull @Min(1) @Max(Long.MAX_VALUE) Long> participantIds,
            @Schema(description = "Default tally policy; CONSOLIDATED when omitted") Policy policy,
            @Schema(examples = "2026-06-30") LocalDate dueDate,
            @Schema(description = "Start with the participants (and, unless given, the policy) of an earlier round, "
                    + "for example last year's; units archived since or outside the scope are left out. "
                    + "Not together with participantIds. The answer names the active units of the scope that the "
                    + "earlier round did not have: those created since it opened take part when autoEnrol is on "
                    + "(copiedFrom.added), the others are listed in copiedFrom.notAdded", examples = "3")
            @Min(1) @Max(Long.MAX_VALUE) Long copyFromRoundId,
            @Schema(description = "Units that appear in the scope while the round is open (created there, moved in, "
                    + "unarchived) join it by themselves; true when omitted") Boolean autoEnrol) {
    }

    /** Absent (or null) fields are left alone. */
    @Schema(name = "RoundPatch")
    record Patch(
            @Size(min = 1, max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.NO_CONTROL)
            @Schema(examples = "2026年度 情報セキュリティ自社診断") String title,
            @Schema(examples = "2026-07-31") LocalDate dueDate,
            @Schema(description = "Whether units that appear in the scope from now on join by themselves") Boolean autoEnrol) {
    }

    @Schema(name = "RoundParticipants")
    record Participants(@NotNull @Size(min = 1, max = 100_000) List<@NotNull @Min(1) @Max(Long.MAX_VALUE) Long> unitIds) {
    }
}
