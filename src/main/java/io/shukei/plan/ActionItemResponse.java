package io.shukei.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActionItem")
record ActionItemResponse(
        @Schema(examples = "12") long id,
        @Schema(examples = "7") long roundId,
        @Schema(examples = "2") long unitId,
        @Schema(description = "As the round's picture of the organisation names the unit", examples = "tokyo") String unitCode,
        @Schema(examples = "東京本社") String unitName,
        @Schema(examples = "11") int question,
        @Schema(examples = "週次バックアップを外付けディスクに取り、月1回は社外に保管する") String action,
        @Schema(examples = "総務部 佐藤", nullable = true) String owner,
        @Schema(examples = "2027-03-31", nullable = true) LocalDate dueOn,
        ActionItemStatus status,
        @Schema(description = "Also sent as the ETag", examples = "1") int revision,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static ActionItemResponse of(long roundId, PlannedItem i) {
        return new ActionItemResponse(i.id(), roundId, i.unitId(), i.unitCode(), i.unitName(), i.question(), i.action(),
                i.owner(), i.dueOn(), i.status(), i.revision(), i.createdAt(), i.updatedAt());
    }
}
