package io.shukei.unit;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Unit")
public record UnitResponse(
        @Schema(examples = "51") long id,
        @Schema(examples = "tokyo-sales") String code,
        @Schema(examples = "東京営業部") String name,
        @Schema(examples = "DEPARTMENT") UnitKind kind,
        @Schema(description = "null for an organisation", examples = "1", nullable = true) Long parentId,
        @Schema(description = "The root of this unit's tree", examples = "1") long organisationId,
        @Schema(examples = "12", nullable = true) Integer headcount,
        boolean archived,
        @Schema(nullable = true) OffsetDateTime archivedAt,
        @Schema(description = "Also sent as the ETag", examples = "1") int revision,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static UnitResponse of(Unit u) {
        return new UnitResponse(u.id, u.code, u.name, u.kind, u.parentId, u.organisationId(), u.headcount, u.isArchived(),
                u.archivedAt, u.revision, u.createdAt, u.updatedAt);
    }
}
