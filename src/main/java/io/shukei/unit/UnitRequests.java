package io.shukei.unit;

import io.shukei.http.TextRules;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class UnitRequests {

    /** Letters, digits, dot, dash and underscore; no spaces, so codes are safe in files and URLs. */
    static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    /** Printable text: no control characters. */
    static final String NAME_PATTERN = TextRules.SINGLE_LINE;

    private UnitRequests() {
    }

    @Schema(name = "UnitCreate")
    record Create(
            @NotBlank @Size(max = 64) @Pattern(regexp = CODE_PATTERN, message = "letters, digits, '.', '-' or '_' only")
            @Schema(description = "Unique among siblings", examples = "tokyo-sales") String code,
            @NotBlank @Size(max = 200) @Pattern(regexp = NAME_PATTERN, message = "must not contain control characters")
            @Schema(examples = "東京営業部") String name,
            @Min(1) @Max(Long.MAX_VALUE) @Schema(description = "Parent unit; omit to create an organisation") Long parentId,
            @Schema(description = "GROUP or COMPANY at the top; COMPANY or GROUP under a group; SITE or DEPARTMENT under a "
                    + "company or site; DEPARTMENT under a department. Omitted: COMPANY at the top and in a group, "
                    + "DEPARTMENT elsewhere") UnitKind kind,
            @Min(1) @Max(10_000_000) @Schema(description = "People in the unit (used by HEADCOUNT_MEAN)", examples = "12")
            Integer headcount) {
    }

    /**
     * A JSON merge patch (RFC 7396): absent fields are left alone, {@code headcount: null} clears
     * the headcount.
     */
    @Schema(name = "UnitPatch")
    record Patch(
            @Size(min = 1, max = 200) @Pattern(regexp = NAME_PATTERN, message = "must not contain control characters")
            @Schema(examples = "東京本社営業部") String name,
            @Size(min = 1, max = 64) @Pattern(regexp = CODE_PATTERN, message = "letters, digits, '.', '-' or '_' only")
            String code,
            @Min(1) @Max(Long.MAX_VALUE) @Schema(description = "New parent within the same organisation") Long parentId,
            @Schema(description = "A company at the top turned into a GROUP makes its direct children member companies")
            UnitKind kind,
            @Min(1) @Max(10_000_000) Integer headcount,
            @Schema(description = "true hides the unit from new rounds; its history is kept") Boolean archived) {
    }
}
