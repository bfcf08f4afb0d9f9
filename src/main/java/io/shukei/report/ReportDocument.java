package io.shukei.report;

import java.util.List;

/**
 * The report with what its file forms need beside it.
 *
 * @param organisationName the organisation's name as the round names it, or null when the caller may not see
 *                         the organisation (the forms then name nothing above the reported node)
 * @param sheets           every submitted sheet under the node, in tree order
 */
record ReportDocument(ReportResponse report, String organisationName, List<SheetLine> sheets) {

    /**
     * A submitted sheet with its unit's path below the node ("東京本社 / 総務部"), and, for a unit deeper than the
     * node's children, the child it lies under (the site, "東京本社") and its path below that ("総務部").
     */
    record SheetLine(ReportRepository.SheetRow sheet, String path, String site, String inSite) {
    }
}
