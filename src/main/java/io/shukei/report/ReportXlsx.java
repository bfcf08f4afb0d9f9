package io.shukei.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;

import io.shukei.catalog.Labels;
import io.shukei.export.Downloads;
import io.shukei.export.FileBody;
import io.shukei.language.Language;
import io.shukei.people.Audience;
import io.shukei.tally.Answer;
import io.shukei.tally.Part;

/**
 * The report as a workbook: summary, a questions × units matrix coloured by answer, the raw answers, then a sheet
 * per table of ReportTables#tables (units, sites, the previous round, the action plan).
 */
final class ReportXlsx {

    static final String SUMMARY_JA = "概要";
    static final String SUMMARY_EN = "Summary";
    static final String MATRIX_JA = "設問×部署";
    static final String MATRIX_EN = "Matrix";
    static final String ANSWERS_JA = "回答一覧";
    static final String ANSWERS_EN = "Answers";

    /** Matrix cell colours by points, the same scale as the printable report's heatmap. */
    private static final Map<Answer, IndexedColors> COLOURS = Map.of(
            Answer.IMPLEMENTED, IndexedColors.LIGHT_GREEN,
            Answer.PARTIAL, IndexedColors.LIGHT_YELLOW,
            Answer.NOT_IMPLEMENTED, IndexedColors.ROSE,
            Answer.UNKNOWN, IndexedColors.GREY_25_PERCENT);

    private ReportXlsx() {
    }

    /** The last row index a sheet has (SpreadsheetVersion.EXCEL2007: 1,048,576 rows). */
    private static final int MAX_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

    /** Rows a sheet keeps in memory while it is written to the zip; earlier ones are in the zip already. */
    private static final int ROWS_IN_MEMORY = 100;

    /**
     * Writes the workbook as its rows are read: every sheet is laid out first, and its rows are made while the zip
     * is written, one sheet after the other (POI's deferred workbook), so the first bytes leave at once and neither
     * the rows nor a temporary copy of them are kept. The document must read one snapshot: the sheets' sizes are
     * set from the report's counts before their rows are read.
     */
    static FileBody.Writer write(ReportDocument document, Audience audience) {
        return out -> {
            Language l = audience.language();
            StableWorkbook workbook = new StableWorkbook(ROWS_IN_MEMORY, document.report().generatedAt().toInstant());
            try (workbook) {
                CellStyle bold = workbook.createCellStyle();
                Font font = workbook.createFont();
                font.setBold(true);
                bold.setFont(font);

                List<ReportTables.Line> lines = ReportTables.summary(document, audience);
                DeferredSXSSFSheet summary = workbook.createSheet(l.pick(SUMMARY_JA, SUMMARY_EN));
                summary.setRowGenerator(sheet -> {
                    int r = 0;
                    for (ReportTables.Line line : lines) {
                        Row row = sheet.createRow(r++);
                        set(row.createCell(0), line.label()).setCellStyle(bold);
                        set(row.createCell(1), line.value());
                        set(row.createCell(2), line.extra());
                    }
                });
                summary.setColumnWidth(0, 30 * 256);
                summary.setColumnWidth(1, 50 * 256);

                matrix(workbook.createSheet(l.pick(MATRIX_JA, MATRIX_EN)), document, l, bold);
                answers(workbook, document, l, bold);
                for (ReportTables.Table table : ReportTables.tables(document, audience)) {
                    table(workbook, table.name(), table.header(), table.rows(), bold);
                }
                workbook.write(out);
            } finally {
                workbook.dispose();
            }
        };
    }

    /**
     * A workbook whose file is the same bytes whenever the same report is written: the document's creation
     * time and every entry of the zip carry the report's time (the close, for a closed round) instead of the
     * moment of writing, so a closed round's workbook never changes.
     */
    private static final class StableWorkbook extends DeferredSXSSFWorkbook {

        private final Instant time;

        StableWorkbook(int rowsInMemory, Instant time) {
            super(rowsInMemory);
            this.time = time;
            getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(Date.from(time)));
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out) {
                @Override
                public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                    entry.setTime(time.toEpochMilli());
                    super.putArchiveEntry(entry);
                }
            };
            zip.setUseZip64(zip64Mode);
            return zip;
        }
    }

    /**
     * Columns are the 25 questions, rows the units (a workbook has 16,384 columns but a million rows), then the
     * organisation's points under the policy.
     */
    private static void matrix(DeferredSXSSFSheet matrix, ReportDocument document, Language l, CellStyle bold) {
        List<ReportResponse.QuestionResult> questions = document.report().questions();
        long units = document.report().coverage().submitted();
        matrix.setRowGenerator(sheet -> {
            Row header = sheet.createRow(0);
            set(header.createCell(0), l.pick("部署", "Unit")).setCellStyle(bold);
            for (ReportResponse.QuestionResult q : questions) {
                set(header.createCell(q.number()), l.pick("設問", "Q") + q.number()).setCellStyle(bold);
            }
            int[] r = {1};
            document.sheets().forEach(line -> {
                Row row = sheet.createRow(r[0]++);
                set(row.createCell(0), Downloads.text(line.path()));
                for (int q = 1; q <= Part.QUESTIONS; q++) {
                    set(row.createCell(q), Answer.ofLetter(line.sheet().answers().charAt(q - 1)).points());
                }
            });
            Row total = sheet.createRow(r[0]);
            set(total.createCell(0), l.pick("組織", "Organisation") + " (" + ReportTables.pick(l,
                    Labels.policy(document.report().policy())) + ")").setCellStyle(bold);
            for (ReportResponse.QuestionResult q : questions) {
                set(total.createCell(q.number()), q.points());
            }
        });
        matrix.setColumnWidth(0, 40 * 256);
        matrix.createFreezePane(1, 1);
        if (units == 0) {
            return;
        }
        SheetConditionalFormatting formatting = matrix.getSheetConditionalFormatting();
        CellRangeAddress[] range = {new CellRangeAddress(1, (int) units, 1, Part.QUESTIONS)};
        for (Map.Entry<Answer, IndexedColors> colour : COLOURS.entrySet()) {
            ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(ComparisonOperator.EQUAL,
                    String.valueOf(colour.getKey().points()));
            var fill = rule.createPatternFormatting();
            fill.setFillBackgroundColor(colour.getValue().getIndex());
            fill.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
            formatting.addConditionalFormatting(range, rule);
        }
    }

    /**
     * A row per unit and question. A sheet holds 1,048,576 rows: the answers of more than 41,943 units go on in
     * "回答一覧 (2)" and so on, each sheet holding whole units; every sheet reads the units again and writes its own.
     */
    private static void answers(DeferredSXSSFWorkbook workbook, ReportDocument document, Language l, CellStyle bold) {
        long unitsPerSheet = MAX_ROW / Part.QUESTIONS;
        long units = document.report().coverage().submitted();
        long sheets = Math.max(1, (units + unitsPerSheet - 1) / unitsPerSheet);
        String name = l.pick(ANSWERS_JA, ANSWERS_EN);
        for (long part = 0; part < sheets; part++) {
            long first = part * unitsPerSheet;
            // The last sheet takes whatever follows, so no unit is left out.
            long end = part == sheets - 1 ? Long.MAX_VALUE : first + unitsPerSheet;
            table(workbook, part == 0 ? name : name + " (" + (part + 1) + ")", ReportTables.answerHeader(l), each -> {
                long[] unit = {0};
                document.sheets().forEach(line -> {
                    if (unit[0] >= first && unit[0] < end) {
                        ReportTables.answerRows(line, l, each);
                    }
                    unit[0]++;
                });
            }, bold);
        }
    }

    /** A sheet of a header and the rows under it, made as they are read. */
    private static void table(DeferredSXSSFWorkbook workbook, String name, List<String> header, ReportTables.Rows rows,
                              CellStyle bold) {
        DeferredSXSSFSheet sheet = workbook.createSheet(name);
        sheet.createFreezePane(0, 1);
        sheet.setRowGenerator(s -> {
            write(s.createRow(0), header).forEach(c -> c.setCellStyle(bold));
            int[] r = {1};
            rows.forEach(values -> write(s.createRow(r[0]++), values));
        });
    }

    private static List<Cell> write(Row row, List<?> values) {
        return IntStream.range(0, values.size())
                .mapToObj(i -> set(row.createCell(i), values.get(i))).toList();
    }

    /** Numbers become numeric cells so the sheet can be summed and sorted; texts are plain string cells. */
    private static Cell set(Cell cell, Object value) {
        if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
        return cell;
    }
}
