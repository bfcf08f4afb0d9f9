package io.shukei.trend;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.shukei.catalog.BandView;
import io.shukei.round.RoundStatus;
import io.shukei.tally.Answer;
import io.shukei.tally.Policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A node's score round after round under one policy, with the change against the round before. */
@Schema(name = "Trend")
record TrendResponse(
        @Schema(examples = "1") long unitId,
        @Schema(examples = "acme") String unitCode,
        @Schema(examples = "株式会社アクメ") String unitName,
        @Schema(description = "The one policy every round is tallied under, so the scores compare") Policy policy,
        @Schema(description = "Oldest first") List<RoundPoint> rounds) {

    record RoundPoint(
            long roundId,
            String title,
            RoundStatus status,
            OffsetDateTime createdAt,
            @Schema(nullable = true) OffsetDateTime closedAt,
            @Schema(description = "Null while no unit of the node has submitted", nullable = true) BigDecimal score,
            @Schema(nullable = true) BandView band,
            @Schema(description = "score minus the previous round's; null for the first round or when either is null",
                    nullable = true)
            BigDecimal change,
            long expected,
            long submitted,
            List<QuestionPoint> questions,
            @Schema(description = "The node's direct children that take part in this round") List<ChildPoint> children) {
    }

    record QuestionPoint(int number,
                         @Schema(description = "null under the means and while no sheet", nullable = true) Answer answer,
                         @Schema(description = "null while no sheet", nullable = true) BigDecimal points,
                         @Schema(nullable = true) BigDecimal change) {
    }

    record ChildPoint(long unitId, String code, String name, @Schema(nullable = true) BigDecimal score,
                      @Schema(nullable = true) BigDecimal change) {
    }
}
