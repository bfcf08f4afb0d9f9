package io.shukei.report;

import java.util.Arrays;
import java.util.List;

import io.shukei.export.Downloads;
import io.shukei.export.FileBody;
import io.shukei.people.Audience;

/**
 * The report as one CSV file: the summary section, the tables of ReportTables#tables (units, sites, the previous
 * round, the action plan) each under its name, then one row per unit and question; an empty line between sections.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static FileBody write(ReportDocument document, Audience audience) {
        return Downloads.csv(printer -> {
            for (ReportTables.Line line : ReportTables.summary(document, audience)) {
                printer.printRecord(Arrays.asList(line.label(), line.value(), line.extra()));
            }
            for (ReportTables.Table table : ReportTables.tables(document.report(), audience)) {
                printer.println();
                printer.printRecord(table.name());
                printer.printRecord(table.header());
                for (List<Object> row : table.rows()) {
                    printer.printRecord(row);
                }
            }
            printer.println();
            printer.printRecord(ReportTables.answerHeader(audience.language()));
            for (var row : ReportTables.answerRows(document, audience.language())) {
                printer.printRecord(row);
            }
        });
    }
}
