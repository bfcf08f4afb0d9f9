package io.shukei.round;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.shukei.tally.Policy;
import io.shukei.unit.UnitNamed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Round", requiredProperties = {"id", "title", "scopeUnitId", "policy", "status", "dueDate", "catalogId",
        "catalogVersion", "createdAt", "updatedAt", "closedAt", "revision", "autoEnrol", "progress"})
public record RoundResponse(
        @Schema(examples = "7") long id,
        @Schema(examples = "2026年度 情報セキュリティ自社診断") String title,
        @Schema(examples = "1") long scopeUnitId,
        Policy policy,
        RoundStatus status,
        @Schema(nullable = true) LocalDate dueDate,
        @Schema(examples = "ipa-5min-self-diagnosis") String catalogId,
        @Schema(examples = "tmg-handbook-2024") String catalogVersion,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(nullable = true) OffsetDateTime closedAt,
        int revision,
        @Schema(description = "Whether units that appear in the scope while the round is open (created there, moved in "
                + "or unarchived) join it by themselves") boolean autoEnrol,
        Progress progress,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in the answer to a creation with copyFromRoundId") CopiedFrom copiedFrom) {

    /**
     * Who has answered; {@code missing} and the drift lists are given for a single round, omitted in lists.
     * The drift lists compare the round with the organisation as it is now, so they are empty once the round
     * is closed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Progress", requiredProperties = {"expected", "submitted"})
    public record Progress(long expected, long submitted, List<MissingUnit> missing,
                           @Schema(description = "Active leaf units in the scope that do not take part (while open)")
                           List<DriftUnit> notParticipating,
                           @Schema(description = "Participants that have units under them now, which are asked only "
                                   + "if they take part themselves (while open)")
                           List<DriftUnit> participantsWithChildren) {
    }

    @Schema(name = "ProgressMissingUnit")
    public record MissingUnit(long unitId, String code, String name) implements UnitNamed {
    }

    /** A unit of the organisation as it is now, with the names of the units above it (path). */
    @Schema(name = "DriftUnit")
    public record DriftUnit(@Schema(examples = "58") long unitId, @Schema(examples = "new-team") String code,
                            @Schema(examples = "新設課") String name,
                            @Schema(description = "Names from the organisation down to the unit",
                                    examples = "株式会社アクメ / 東京本社 / 新設課") String path) implements UnitNamed {
    }

    /**
     * The active leaf units of the scope that the earlier round did not have: those created since it opened
     * take part when autoEnrol is on (added); the others, left out of the earlier round or created while
     * autoEnrol is off, are named so that nobody is left out without a word (notAdded).
     */
    @Schema(name = "RoundCopiedFrom")
    public record CopiedFrom(@Schema(examples = "3") long roundId,
                             @Schema(description = "Units the earlier round did not have that take part in this one")
                             List<DriftUnit> added,
                             @Schema(description = "Units the earlier round did not have that do not take part; "
                                     + "POST /rounds/{id}/participants adds them") List<DriftUnit> notAdded) {
    }

    static RoundResponse of(Round r, Progress progress) {
        return of(r, progress, null);
    }

    static RoundResponse of(Round r, Progress progress, CopiedFrom copiedFrom) {
        return new RoundResponse(r.id, r.title, r.scopeUnitId, r.policy, r.status, r.dueDate, r.catalogId,
                r.catalogVersion, r.createdAt, r.updatedAt, r.closedAt, r.revision, r.autoEnrol, progress, copiedFrom);
    }
}
