package io.shukei.report;

import java.util.Arrays;

import io.shukei.export.Downloads;
import io.shukei.export.FileBody;
import io.shukei.language.Language;

/** The report as one CSV file: the summary section, an empty line, then one row per unit and question. */
final class ReportCsv {

    private ReportCsv() {
    }

    static FileBody write(ReportService.ReportDocument document, Language language) {
        return Downloads.csv(printer -> {
            for (ReportTables.Line line : ReportTables.summary(document, language)) {
                printer.printRecord(Arrays.asList(line.label(), line.value(), line.extra()));
            }
            printer.println();
            printer.printRecord(ReportTables.answerHeader(language));
            for (var row : ReportTables.answerRows(document, language)) {
                printer.printRecord(row);
            }
        });
    }
}
