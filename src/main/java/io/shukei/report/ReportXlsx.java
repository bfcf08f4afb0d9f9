package io.shukei.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

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

    /** Rows a sheet keeps in memory while it is written; earlier ones go to a compressed temporary file. */
    private static final int ROWS_IN_MEMORY = 100;

    static FileBody write(ReportDocument document, Audience audience) {
        Language l = audience.language();
        // Streamed: the answers sheet has a row per unit and question (250,000 for 10,000 units), which an
        // in-memory workbook held as objects, hundreds of MB of them.
        SXSSFWorkbook workbook = new StableWorkbook(ROWS_IN_MEMORY, document.report().generatedAt().toInstant());
        workbook.setCompressTempFiles(true);
        try (workbook) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet summary = workbook.createSheet(l.pick(SUMMARY_JA, SUMMARY_EN));
            int r = 0;
            for (ReportTables.Line line : ReportTables.summary(document, audience)) {
                Row row = summary.createRow(r++);
                set(row.createCell(0), line.label()).setCellStyle(bold);
                set(row.createCell(1), line.value());
                set(row.createCell(2), line.extra());
            }
            summary.setColumnWidth(0, 30 * 256);
            summary.setColumnWidth(1, 50 * 256);

            matrix(workbook.createSheet(l.pick(MATRIX_JA, MATRIX_EN)), document, l, bold);

            Sheet answers = workbook.createSheet(l.pick(ANSWERS_JA, ANSWERS_EN));
            write(answers.createRow(0), ReportTables.answerHeader(l)).forEach(c -> c.setCellStyle(bold));
            r = 1;
            for (List<Object> values : ReportTables.answerRows(document, l)) {
                write(answers.createRow(r++), values);
            }
            answers.createFreezePane(0, 1);

            for (ReportTables.Table table : ReportTables.tables(document.report(), audience)) {
                Sheet sheet = workbook.createSheet(table.name());
                write(sheet.createRow(0), table.header()).forEach(c -> c.setCellStyle(bold));
                r = 1;
                for (List<Object> values : table.rows()) {
                    write(sheet.createRow(r++), values);
                }
                sheet.createFreezePane(0, 1);
            }

            return FileBody.spool(workbook::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    /**
     * A workbook whose file is the same bytes whenever the same report is written: the document's creation
     * time and every entry of the zip carry the report's time (the close, for a closed round) instead of the
     * moment of writing, so a closed round's workbook never changes.
     */
    private static final class StableWorkbook extends SXSSFWorkbook {

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

    /** Rows are the 25 questions, columns the units then the organisation's points under the policy. */
    private static void matrix(Sheet sheet, ReportDocument document, Language l, CellStyle bold) {
        List<ReportDocument.SheetLine> units = document.sheets();
        Row header = sheet.createRow(0);
        set(header.createCell(0), l.pick("設問", "Question")).setCellStyle(bold);
        set(header.createCell(1), l.pick("パート", "Part")).setCellStyle(bold);
        set(header.createCell(2), l.pick("設問文", "Text")).setCellStyle(bold);
        for (int u = 0; u < units.size(); u++) {
            set(header.createCell(3 + u), Downloads.text(units.get(u).path())).setCellStyle(bold);
        }
        int total = 3 + units.size();
        set(header.createCell(total), l.pick("組織", "Organisation") + " (" + ReportTables.pick(l,
                Labels.policy(document.report().policy())) + ")").setCellStyle(bold);
        for (ReportResponse.QuestionResult q : document.report().questions()) {
            Row row = sheet.createRow(q.number());
            set(row.createCell(0), q.number());
            set(row.createCell(1), q.part());
            set(row.createCell(2), ReportTables.pick(l, q.text()));
            for (int u = 0; u < units.size(); u++) {
                set(row.createCell(3 + u), Answer.ofLetter(units.get(u).sheet().answers().charAt(q.number() - 1)).points());
            }
            set(row.createCell(total), q.points());
        }
        sheet.setColumnWidth(2, 60 * 256);
        sheet.createFreezePane(3, 1);
        if (units.isEmpty()) {
            return;
        }
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        CellRangeAddress[] range = {new CellRangeAddress(1, Part.QUESTIONS, 3, 2 + units.size())};
        for (Map.Entry<Answer, IndexedColors> colour : COLOURS.entrySet()) {
            ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(ComparisonOperator.EQUAL,
                    String.valueOf(colour.getKey().points()));
            var fill = rule.createPatternFormatting();
            fill.setFillBackgroundColor(colour.getValue().getIndex());
            fill.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
            formatting.addConditionalFormatting(range, rule);
        }
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
