package io.shukei.plan;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.shukei.http.TextRules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class PlanRequests {

    private PlanRequests() {
    }

    @Schema(name = "ActionItemCreate")
    record Create(
            @NotNull @Schema(description = "The unit whose plan it is: the round's scope, a site or a department of its "
                    + "tree", examples = "2") @Min(1) @Max(Long.MAX_VALUE) Long unitId,
            @NotNull @Min(1) @Max(25) @Schema(description = "The question it improves", examples = "11") Integer question,
            @NotBlank @Size(max = 1000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.NO_CONTROL_BUT_LINE_BREAKS)
            @Schema(examples = "週次バックアップを外付けディスクに取り、月1回は社外に保管する") String action,
            @NotBlank @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.NO_CONTROL)
            @Schema(examples = "総務部 佐藤") String owner,
            @NotNull @Schema(examples = "2027-03-31") LocalDate dueOn,
            @Schema(description = "OPEN when omitted") ActionItemStatus status) {
    }

    /** Absent (or null) fields are left alone. */
    @Schema(name = "ActionItemPatch")
    record Patch(
            @Min(1) @Max(25) @Schema(examples = "11") Integer question,
            @Size(min = 1, max = 1000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.NO_CONTROL_BUT_LINE_BREAKS)
            String action,
            @Size(min = 1, max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.NO_CONTROL) String owner,
            @Schema(examples = "2027-06-30") LocalDate dueOn,
            @Schema(examples = "DONE") ActionItemStatus status) {
    }
}
