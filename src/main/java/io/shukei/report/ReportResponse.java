package io.shukei.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.shukei.catalog.BandView;
import io.shukei.catalog.Catalog;
import io.shukei.plan.ActionItemStatus;
import io.shukei.round.RoundResponse;
import io.shukei.round.RoundStatus;
import io.shukei.tally.Answer;
import io.shukei.tally.Policy;
import io.shukei.unit.UnitNamed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The tally of a round at one node of its tree. Field names are a contract other tools rely on. A unit's
 * {@code path} names the units between the node and it, the node left out ("東京本社 / 総務部"), as the round's
 * picture of the organisation names them.
 */
@Schema(name = "Report", requiredProperties = {"roundId", "roundTitle", "roundStatus", "unitId", "unitCode", "unitName",
        "policy", "score", "band", "policies", "belowEveryUnit", "coverage", "parts", "questions", "children", "unknowns",
        "unknownAnswers", "lowestQuestions", "toImprove", "toFindOut", "previousRound", "actionItems", "previousActionItems",
        "approvals", "catalogId", "catalogVersion", "generatedAt"})
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
        @Schema(description = "Whether the score is lower than every unit's own score (units ≥ 2), which the policy "
                + "explains: a question counts as implemented only where every unit implements it") boolean belowEveryUnit,
        @Schema(description = "Who has answered: expected and submitted count every participant; missing lists the first "
                + "100 that have not submitted, in tree order") Coverage coverage,
        List<PartResult> parts,
        List<QuestionResult> questions,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "With include=units only: one page of the units that have submitted, in tree order "
                + "(limit per page, at most 1000)") List<UnitResult> units,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "With include=units, when more units follow: the address of the next page (the same "
                + "report with an opaque cursor)", maxLength = 2000) String unitsNext,
        @Schema(description = "One entry per direct child of the node that has participants (the sites)") List<ChildResult> children,
        @Schema(description = "The first 100 わからない answers, by question then tree order, which IPA asks to be "
                + "reviewed (all are counted in unknownAnswers, per question in toFindOut)") List<UnknownAnswer> unknowns,
        @Schema(description = "わからない answers under the node") long unknownAnswers,
        @Schema(description = "The five questions with the fewest points, わからない included (toImprove and toFindOut "
                + "split them by what to do)") List<QuestionResult> lowestQuestions,
        @Schema(description = "Up to five questions to improve first: the lowest by the mean points of the answers other "
                + "than わからない, never a question every such answer implements") List<Improvement> toImprove,
        @Schema(description = "The questions with わからない answers, to find out and answer again (the units are in unknowns)")
        List<FindOut> toFindOut,
        @Schema(description = "The previous closed round in which units under the node took part, tallied at the node "
                + "under the same policy; null when there is none", nullable = true) YearOnYear previousRound,
        @Schema(description = "The round's action plan under the node, by question") List<PlanItem> actionItems,
        @Schema(description = "The previous round's action plan under the node with its status, beside the points then "
                + "and now") List<PlanItem> previousActionItems,
        @Schema(description = "Sign-offs of this report at the node, oldest first") List<Approval> approvals,
        String catalogId,
        String catalogVersion,
        @Schema(description = "When the figures were taken: now for an open round, the close for a closed one "
                + "(whose figures never change afterwards)") OffsetDateTime generatedAt) {

    /** The same report with a page of its units and the address of the next page (null on the last). */
    ReportResponse withUnits(List<UnitResult> page, String next) {
        return new ReportResponse(roundId, roundTitle, roundStatus, unitId, unitCode, unitName, policy, score, band, policies,
                belowEveryUnit, coverage, parts, questions, page, next, children, unknowns, unknownAnswers, lowestQuestions,
                toImprove, toFindOut, previousRound, actionItems, previousActionItems, approvals, catalogId, catalogVersion,
                generatedAt);
    }

    @Schema(name = "PolicyScore", requiredProperties = {"score", "band"})
    public record PolicyScore(@Schema(nullable = true) BigDecimal score, @Schema(nullable = true) BandView band,
                              @JsonInclude(JsonInclude.Include.NON_NULL)
                              @Schema(description = "Why there is no score, in English") String reason,
                              @JsonInclude(JsonInclude.Include.NON_NULL)
                              @Schema(description = "The units without a headcount (the first ten)") List<Long> unitsWithoutHeadcount,
                              @JsonInclude(JsonInclude.Include.NON_NULL)
                              @Schema(description = "The units without a headcount, named (the first ten)") List<UnitRef> missingHeadcount) {
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
    public record MissingUnit(long unitId, String code, String name, String path) implements UnitNamed {
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
                                 @Schema(description = "The first ten units that answered わからない, in tree order (their "
                                         + "number is the distribution's UNKNOWN)") List<UnitRef> unknownUnits) {
    }

    public record UnitRef(long unitId, String code, String name) implements UnitNamed {
    }

    public record UnitResult(long unitId, String code, String name, String path, @Schema(nullable = true) Integer headcount,
                             int score, BandView band,
                             int revision, @Schema(description = "Who answered, as the sheet names them") String respondent,
                             OffsetDateTime submittedAt, OffsetDateTime revisedAt) {
    }

    public record ChildResult(long unitId, String code, String name,
                              @Schema(description = "null when no sheet under it yet, or when the policy needs a headcount "
                                      + "that a unit under it lacks", nullable = true) BigDecimal score,
                              @Schema(nullable = true) BandView band,
                              @Schema(description = "Counts, and the first ten missing units") Coverage coverage,
                              @Schema(description = "わからない answers under the child") int unknownAnswers) {
    }

    public record UnknownAnswer(int question, long unitId, String code, String name, String path) {
    }

    /** A question to improve, with the units whose answers hold it down. */
    public record Improvement(int number, int part, Catalog.Text text,
                              @Schema(description = "The node's answer under CONSOLIDATED and WEAKEST; null under the means", nullable = true)
                              Answer answer, BigDecimal points,
                              @Schema(description = "Mean points of the answers other than わからない") BigDecimal knownMean,
                              @Schema(description = "Units that answered 実施していない or 一部実施している") int unitsBelow,
                              @Schema(description = "The first ten of them, 実施していない first, in tree order")
                              List<UnitAnswer> holdingDown) {
    }

    public record UnitAnswer(long unitId, String code, String name, String path, Answer answer) {
    }

    public record FindOut(int question, @Schema(description = "Units that answered わからない") int units) {
    }

    /** The previous closed round at the node, as its trend entry gives it, with the changes to this round. */
    public record YearOnYear(long roundId, String title, OffsetDateTime closedAt, @Schema(nullable = true) BigDecimal score,
                             @Schema(nullable = true) BandView band,
                             @Schema(description = "This round's score minus the previous one's", nullable = true) BigDecimal change,
                             long expected, long submitted,
                             @Schema(description = "Whether the two rounds' coverage (expected and submitted) differs, "
                                     + "so that the change partly reflects who answered") boolean coverageDiffers,
                             List<PartChange> parts, List<QuestionChange> questions, List<ChildChange> children) {
    }

    public record PartChange(int part, @Schema(nullable = true) BigDecimal previous, @Schema(nullable = true) BigDecimal change) {
    }

    public record QuestionChange(int number, @Schema(nullable = true) Answer previousAnswer,
                                 @Schema(nullable = true) BigDecimal previous, @Schema(nullable = true) BigDecimal change) {
    }

    public record ChildChange(long unitId, String code, String name, @Schema(nullable = true) BigDecimal previous,
                              @Schema(nullable = true) BigDecimal change,
                              long expected, long submitted) {
    }

    /** An action item as the report shows it, with the question's points at its unit. */
    public record PlanItem(long id, long unitId, String code, String name, String path, int question, String action,
                           @Schema(nullable = true) String owner, @Schema(nullable = true) LocalDate dueOn, ActionItemStatus status,
                           @Schema(description = "The question's points at the unit in the previous round (previous "
                                   + "round's items only)", nullable = true) BigDecimal pointsBefore,
                           @Schema(description = "The question's points at the unit in this round; null when it has no "
                                   + "sheet under it", nullable = true) BigDecimal pointsNow) {
    }

    /** A sign-off of the report at the node. */
    public record Approval(long id, String name, String title, @Schema(nullable = true) String comment,
                           @Schema(nullable = true) BigDecimal score, OffsetDateTime approvedAt,
                           @Schema(description = "false once the figures changed after the approval (the round reopened): "
                                   + "the approval is superseded") boolean current) {
    }
}
