package io.shukei.submission;

import io.shukei.http.TextRules;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.shukei.tally.Answer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A whole answer sheet: all 25 questions, each exactly once. */
@Schema(name = "SheetPut")
public record SubmissionRequest(
        @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.NO_CONTROL)
        @Schema(description = "Who filled in the sheet", examples = "営業部長 山田太郎") String respondent,
        @NotNull @Size(max = 25, message = "at most 25 answers, one per question")
        @Schema(description = "Exactly one answer for each of questions 1 to 25")
        List<@NotNull @Valid Item> answers) {

    @Schema(name = "SheetAnswer")
    public record Item(
            @NotNull @Min(1) @Max(25) @Schema(examples = "1") Integer question,
            @NotNull @Schema(examples = "IMPLEMENTED") Answer answer,
            @Size(max = 2000) @Pattern(regexp = TextRules.MULTI_LINE,
                    message = TextRules.NO_CONTROL_BUT_LINE_BREAKS)
            @Schema(examples = "ノートPCのみ自動更新を設定済み") String comment) {
    }
}
