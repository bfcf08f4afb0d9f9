package io.shukei.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document; {@code extensions} are written as top-level members. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", requiredProperties = {"type", "title", "status", "detail"}, description = "RFC 9457 problem details; some problems add members such as currentRevision",
        additionalProperties = Schema.True.class)
public record Problem(
        @Schema(description = "Stable relative URI naming the kind of problem", examples = "/problems/validation")
        String type,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "answers[3].answer: must be one of IMPLEMENTED, PARTIAL, NOT_IMPLEMENTED, UNKNOWN")
        String detail,
        @Schema(description = "Each offending field and why; present for invalid input")
        List<FieldError> errors,
        @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

    /** The media type every problem is sent as. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Extension members (such as {@code currentRevision}) are written at the top level. */
    @JsonAnyGetter
    Map<String, Object> jsonExtensions() {
        return extensions == null ? Map.of() : extensions;
    }

    /** One invalid field, named by its path in the request (for example {@code answers[3].answer}). */
    public record FieldError(@Schema(examples = "answers[3].answer") String field,
                             @Schema(examples = "unknown answer code") String message) {
    }
}
