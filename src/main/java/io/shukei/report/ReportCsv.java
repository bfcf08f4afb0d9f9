package io.shukei.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import io.shukei.export.Downloads;
import io.shukei.export.FileBody;
import io.shukei.people.Audience;

import org.apache.commons.csv.CSVPrinter;

/**
 * The report as one CSV file: the summary section, the tables of ReportTables#tables (units, sites, the previous
 * round, the action plan) each under its name, then one row per unit and question; an empty line between sections.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static FileBody.Writer write(ReportDocument document, Audience audience) {
        return Downloads.csvWriter(printer -> {
            for (ReportTables.Line line : ReportTables.summary(document, audience)) {
                printer.printRecord(Arrays.asList(line.label(), line.value(), line.extra()));
            }
            for (ReportTables.Table table : ReportTables.tables(document, audience)) {
                printer.println();
                printer.printRecord(table.name());
                printer.printRecord(table.header());
                table.rows().forEach(row -> print(printer, row));
            }
            printer.println();
            printer.printRecord(ReportTables.answerHeader(audience.language()));
            ReportTables.answerRows(document, audience.language()).forEach(row -> print(printer, row));
        });
    }

    private static void print(CSVPrinter printer, List<Object> row) {
        try {
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
