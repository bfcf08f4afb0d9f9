package io.shukei.unit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import of a unit tree changed, or, in a dry run, would change; and every error of the file. */
@Schema(name = "UnitImport", requiredProperties = {"dryRun", "rows", "created", "moved", "updated", "archived",
        "unarchived", "unchanged", "changes", "errorCount", "errors"})
record UnitImportResponse(
        @Schema(description = "true: nothing was changed") boolean dryRun,
        @Schema(description = "Rows of units in the file (the header and empty rows not counted)", minimum = "0",
                maximum = "110000", examples = "3") int rows,
        @Schema(description = "Units created", minimum = "0", examples = "1") int created,
        @Schema(description = "Units given another parent", minimum = "0", examples = "1") int moved,
        @Schema(description = "Units whose name, kind or headcount changed", minimum = "0", examples = "1") int updated,
        @Schema(description = "Active units the file no longer lists, archived", minimum = "0", examples = "0") int archived,
        @Schema(description = "Archived units the file lists again, made active", minimum = "0", examples = "0") int unarchived,
        @Schema(description = "Units the file lists as they are", minimum = "0", examples = "0") int unchanged,
        @Schema(description = "Every change, in the file's order, then the archived units in tree order; empty when the "
                + "file has errors", maxItems = UnitTreeService.MAX_CHANGES) List<Change> changes,
        @Schema(description = "How many errors the file has (every one is listed up to the first 10,000)", minimum = "0",
                examples = "0") int errorCount,
        @Schema(description = "The errors, by row (the header is row 1, as a spreadsheet shows it) and column",
                maxItems = UnitTreeService.MAX_ERRORS) List<RowError> errors) {

    /** What happens to one unit. */
    @Schema(name = "UnitImportChangeType")
    enum ChangeType { CREATE, UPDATE, ARCHIVE }

    @Schema(name = "UnitImportChange", requiredProperties = {"row", "unitId", "code", "type", "fields"})
    record Change(
            @Schema(nullable = true, description = "The file's row; null for a unit the file no longer lists", minimum = "2",
                    maximum = "1048576", examples = "2") Integer row,
            @Schema(nullable = true, description = "null for a unit yet to be created in a dry run", examples = "51") Long unitId,
            @Schema(maxLength = 64, examples = "tokyo-sales") String code,
            ChangeType type,
            @Schema(description = "For UPDATE: which of name, parent_code, kind, headcount and archived change", maxItems = 5)
            List<String> fields) {
    }

    @Schema(name = "UnitImportError", requiredProperties = {"row", "column", "message"})
    record RowError(
            @Schema(description = "The file's row (the header is row 1)", minimum = "1", maximum = "1048576", examples = "7")
            int row,
            @Schema(nullable = true, description = "code, name, parent_code, kind or headcount; null for the row as a whole",
                    maxLength = 16, examples = "kind") String column,
            @Schema(maxLength = 1000, examples = "must be one of GROUP, COMPANY, SITE, DEPARTMENT") String message) {
    }
}
