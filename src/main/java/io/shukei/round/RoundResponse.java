package io.shukei.round;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.shukei.tally.Policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Round")
public record RoundResponse(
        @Schema(examples = "7") long id,
        @Schema(examples = "2026年度 情報セキュリティ自社診断") String title,
        @Schema(examples = "1") long scopeUnitId,
        Policy policy,
        RoundStatus status,
        LocalDate dueDate,
        @Schema(examples = "ipa-5min-self-diagnosis") String catalogId,
        @Schema(examples = "tmg-handbook-2024") String catalogVersion,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime closedAt,
        int revision,
        Progress progress) {

    /** Who has answered; {@code missing} is listed on a single round, omitted in lists. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(long expected, long submitted, List<MissingUnit> missing) {
    }

    public record MissingUnit(long unitId, String code, String name) {
    }

    static RoundResponse of(Round r, Progress progress) {
        return new RoundResponse(r.id, r.title, r.scopeUnitId, r.policy, r.status, r.dueDate, r.catalogId,
                r.catalogVersion, r.createdAt, r.updatedAt, r.closedAt, r.revision, progress);
    }
}
