package io.shukei.report;

import java.util.function.Consumer;

import io.shukei.catalog.BandView;
import io.shukei.tally.Band;
import io.shukei.tally.Score;
import io.shukei.tally.Sheet;

/**
 * The report with what its file forms need beside it.
 *
 * @param organisationName the organisation's name as the round names it, or null when the caller may not see
 *                         the organisation (the forms then name nothing above the reported node)
 * @param sheets           every submitted sheet under the node, in tree order, read again each time it is asked
 */
record ReportDocument(ReportResponse report, String organisationName, Sheets sheets) {

    /** The submitted sheets, handed on one at a time as they are read from the database. */
    @FunctionalInterface
    interface Sheets {
        void forEach(Consumer<SheetLine> each);
    }

    /**
     * A submitted sheet with its unit's path below the node ("東京本社 / 総務部"), and, for a unit deeper than the
     * node's children, the child it lies under (the site, "東京本社") and its path below that ("総務部").
     */
    record SheetLine(ReportRepository.SheetRow sheet, String path, String site, String inSite) {

        /** The unit's line in the report: its score and band, who answered and when. */
        ReportResponse.UnitResult unit() {
            int score = Sheet.of(sheet.unitId(), sheet.headcount(), sheet.answers()).score();
            return new ReportResponse.UnitResult(sheet.unitId(), sheet.code(), sheet.name(), path, sheet.headcount(), score,
                    BandView.of(Band.of(Score.of(score))), sheet.revision(), sheet.respondent(), sheet.submittedAt(),
                    sheet.revisedAt());
        }
    }
}
