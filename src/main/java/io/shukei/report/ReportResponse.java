package io.shukei.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.shukei.catalog.BandView;
import io.shukei.catalog.Catalog;
import io.shukei.round.RoundResponse;
import io.shukei.round.RoundStatus;
import io.shukei.tally.Answer;
import io.shukei.tally.Policy;
import io.shukei.unit.UnitNamed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tally of a round at one node of its tree. Field names are a contract other tools rely on. */
@Schema(name = "Report")
public record ReportResponse(
        long roundId,
        String roundTitle,
        RoundStatus roundStatus,
        @Schema(description = "The node tallied") long unitId,
        String unitCode,
        String unitName,
        @Schema(description = "The policy of score and band") Policy policy,
        @Schema(description = "Organisation-wide score on IPA's -25..100 scale, 2 decimals (half up); null when no sheet yet",
                examples = "47.00", nullable = true) BigDecimal score,
        @Schema(description = "Decided on the unrounded score; null when no sheet yet", nullable = true) BandView band,
        @Schema(description = "The score under every policy, for comparison") Map<Policy, PolicyScore> policies,
        Coverage coverage,
        List<PartResult> parts,
        List<QuestionResult> questions,
        List<UnitResult> units,
        List<ChildResult> children,
        @Schema(description = "Every わからない answer, which IPA asks to be reviewed") List<UnknownAnswer> unknowns,
        @Schema(description = "The five questions with the fewest points") List<QuestionResult> lowestQuestions,
        String catalogId,
        String catalogVersion,
        @Schema(description = "When the figures were taken: now for an open round, the close for a closed one "
                + "(whose report never changes afterwards)") OffsetDateTime generatedAt) {

    @Schema(name = "PolicyScore", requiredProperties = {"score", "band"})
    public record PolicyScore(@Schema(nullable = true) BigDecimal score, @Schema(nullable = true) BandView band,
                              @JsonInclude(JsonInclude.Include.NON_NULL)
                              @Schema(description = "Why there is no score, in English") String reason,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<Long> unitsWithoutHeadcount,
                              @JsonInclude(JsonInclude.Include.NON_NULL)
                              @Schema(description = "The units without a headcount, named") List<UnitRef> missingHeadcount) {
    }

    /**
     * Who has answered under the node. The drift lists (report's node only, while the round is open) compare
     * the round with the organisation as it is now.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Coverage", requiredProperties = {"expected", "submitted", "missing"})
    public record Coverage(long expected, long submitted, List<MissingUnit> missing,
                           @Schema(description = "Active leaf units under the node that do not take part; empty once "
                                   + "the round is closed") List<RoundResponse.DriftUnit> notParticipating,
                           @Schema(description = "Participants under the node that have units under them now; empty "
                                   + "once the round is closed") List<RoundResponse.DriftUnit> participantsWithChildren) {
    }

    @Schema(name = "CoverageMissingUnit")
    public record MissingUnit(long unitId, String code, String name) implements UnitNamed {
    }

    public record PartResult(int part, Catalog.Text title,
                             @Schema(description = "null when no sheet yet", nullable = true) BigDecimal score, int max) {
    }

    public record QuestionResult(int number, int part, Catalog.Text text,
                                 @Schema(description = "The organisation's answer (CONSOLIDATED, WEAKEST); null for the means "
                                         + "and when no sheet yet", nullable = true)
                                 Answer answer,
                                 @Schema(description = "Points the question contributes (a mean for MEAN policies); null when "
                                         + "no sheet yet", nullable = true) BigDecimal points,
                                 Map<Answer, Integer> distribution,
                                 List<UnitRef> unknownUnits) {
    }

    public record UnitRef(long unitId, String code, String name) implements UnitNamed {
    }

    public record UnitResult(long unitId, String code, String name, @Schema(nullable = true) Integer headcount, int score,
                             BandView band,
                             int revision, OffsetDateTime submittedAt, OffsetDateTime revisedAt) {
    }

    public record ChildResult(long unitId, String code, String name,
                              @Schema(description = "null when no sheet under it yet, or when the policy needs a headcount "
                                      + "that a unit under it lacks", nullable = true) BigDecimal score,
                              @Schema(nullable = true) BandView band, Coverage coverage) {
    }

    public record UnknownAnswer(int question, long unitId, String code, String name) {
    }
}
