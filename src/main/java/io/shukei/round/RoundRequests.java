package io.shukei.round;

import io.shukei.api.TextRules;

import java.time.LocalDate;
import java.util.List;

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
            @NotNull @Schema(description = "The unit whose subtree takes part", examples = "1") Long scopeUnitId,
            @Size(min = 1, max = 100_000)
            @Schema(description = "Defaults to every active leaf unit under the scope") List<@NotNull Long> participantIds,
            @Schema(description = "Default tally policy; CONSOLIDATED when omitted") Policy policy,
            @Schema(examples = "2026-06-30") LocalDate dueDate,
            @Schema(description = "Start with the participants (and, unless given, the policy) of an earlier round, "
                    + "for example last year's; units archived since or outside the scope are left out. "
                    + "Not together with participantIds", examples = "3")
            Long copyFromRoundId) {
    }

    @Schema(name = "RoundParticipants")
    record Participants(@NotNull @Size(min = 1, max = 100_000) List<@NotNull Long> unitIds) {
    }
}
