package io.shukei.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportApproval")
record ApprovalResponse(
        @Schema(examples = "4") long id,
        @Schema(examples = "7") long roundId,
        @Schema(description = "The node whose report was approved", examples = "1") long unitId,
        @Schema(examples = "山田太郎") String name,
        @Schema(examples = "代表取締役社長") String title,
        @Schema(examples = "結果を確認した。対策計画のとおり進めること。", nullable = true) String comment,
        @Schema(description = "The score the approved report showed, under the round's policy", examples = "71.00", nullable = true) BigDecimal score,
        @Schema(description = "The version of the report's figures that was approved", examples = "9f2c4e1a0b7d3c5e8f6a1b2c3d4e5f60")
        String reportVersion,
        @Schema(description = "false once the figures changed after the approval (the round was reopened): superseded")
        boolean current,
        OffsetDateTime approvedAt) {
}
