package io.shukei.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.shukei.http.TextRules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportApprovalCreate")
record ApprovalRequest(
        @Schema(description = "The node whose report is approved; defaults to the round's scope, or for a caller who "
                + "may not see it their own unit, as for the report", examples = "1") @Min(1) @Max(Long.MAX_VALUE) Long unitId,
        @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.NO_CONTROL)
        @Schema(description = "Who approves", examples = "山田太郎") String name,
        @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.NO_CONTROL)
        @Schema(description = "As what", examples = "代表取締役社長") String title,
        @Size(max = 2000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.NO_CONTROL_BUT_LINE_BREAKS)
        @Schema(examples = "結果を確認した。対策計画のとおり進めること。") String comment) {
}
