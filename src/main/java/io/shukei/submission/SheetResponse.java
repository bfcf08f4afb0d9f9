package io.shukei.submission;

import java.time.OffsetDateTime;
import java.util.List;

import io.shukei.catalog.BandView;
import io.shukei.tally.Answer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One unit's sheet (current or a past revision) with its score, band and わからない questions. */
@Schema(name = "Sheet")
record SheetResponse(
        @Schema(examples = "7") long roundId,
        @Schema(examples = "3") long unitId,
        @Schema(examples = "tokyo-sales") String unitCode,
        @Schema(examples = "東京営業部") String unitName,
        @Schema(description = "Also sent as the ETag", examples = "2") int revision,
        @Schema(nullable = true) String respondent,
        @Schema(examples = "tmg-handbook-2024") String catalogVersion,
        @Schema(description = "Integer in [-25, 100]", examples = "86") int score,
        BandView band,
        List<PartScore> parts,
        List<AnswerView> answers,
        @Schema(description = "Questions answered わからない: IPA asks for each to be reviewed") List<Integer> unknownQuestions,
        @Schema(description = "When this unit first submitted") OffsetDateTime submittedAt,
        @Schema(description = "When this revision was stored") OffsetDateTime revisedAt) {

    record PartScore(int part, int score, int max) {
    }

    record AnswerView(int question, Answer answer, int points, @Schema(nullable = true) String comment) {
    }
}
