package io.shukei.unit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import io.shukei.export.Downloads;
import io.shukei.problem.Problem;
import io.shukei.problem.ProblemException;

/**
 * The unit tree as a file, one row per unit under the unit it is exported from or imported into:
 * {@code code, name, parent_code, kind, headcount}, a header row first. CSV is read in UTF-8 with or without a
 * byte-order mark (Excel's "CSV UTF-8" writes one) and written with one; xlsx is read from its first sheet as a
 * stream of cells and written as a stream of rows, so neither form holds a workbook of 100,000 rows as objects.
 */
final class UnitFile {

    static final List<String> COLUMNS = List.of("code", "name", "parent_code", "kind", "headcount");
    static final String SHEET = "units";
    /**
     * Rows a file may hold (the header not counted): an association of 100,000 departments with its member
     * companies and sites in one file.
     */
    static final int MAX_ROWS = 110_000;
    private static final int ROWS_IN_MEMORY = 100;

    /**
     * One row as written, cells stripped and empty ones null; {@code row} counts the header as row 1, as a
     * spreadsheet shows it, and {@code width} is the number of cells the row has.
     */
    record Line(int row, int width, String code, String name, String parentCode, String kind, String headcount) {
    }

    /** One unit as exported. */
    record Entry(String code, String name, String parentCode, UnitKind kind, Integer headcount) {
    }

    private UnitFile() {
    }

    /** Reads every row of a CSV file; a file that is not UTF-8, has another header or too many rows is refused. */
    static List<Line> readCsv(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Lines lines = new Lines();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 65_536)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            // Empty lines are records too (skipped below), so that record numbers are the rows Excel shows.
            CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                Iterator<CSVRecord> records = parser.iterator();
                if (!records.hasNext()) {
                    throw fileError("the file is empty; its first row names the columns " + String.join(",", COLUMNS));
                }
                requireHeader(records.next().toList());
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    lines.add((int) record.getRecordNumber(), record.toList(), true);
                }
            } catch (UncheckedIOException e) {
                throw unreadable(e.getCause());
            } catch (IllegalStateException e) {
                throw fileError("the file is not valid CSV (RFC 4180): " + e.getMessage());
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        return lines.list;
    }

    private static ProblemException unreadable(IOException e) {
        if (e instanceof CharacterCodingException) {
            return fileError("the file is not UTF-8; save it as \"CSV UTF-8\" (Excel) or in UTF-8");
        }
        throw new UncheckedIOException(e);
    }

    /** Reads every row of the first sheet of an xlsx workbook. */
    static List<Line> readXlsx(InputStream in) {
        Lines lines = new Lines();
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw fileError("the workbook has no sheet");
            }
            SheetRows rows = new SheetRows(lines);
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg),
                    rows, new DataFormatter(), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
            if (!rows.headerSeen) {
                throw fileError("the sheet is empty; its first row names the columns " + String.join(",", COLUMNS));
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw fileError("the file is not an xlsx workbook");
        } catch (SAXException | ParserConfigurationException | OpenXML4JException | IOException e) {
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            throw fileError("the workbook cannot be read: " + e.getMessage());
        }
        return lines.list;
    }

    /** Collects the rows of a sheet from its cells; empty cells are not reported, so each lands by its column. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Lines lines;
        private final String[] cells = new String[COLUMNS.size()];
        private boolean extra;
        private boolean headerSeen;

        SheetRows(Lines lines) {
            this.lines = lines;
        }

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(cells, null);
            extra = false;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            if (column < cells.length) {
                cells[column] = value;
            } else if (value != null && !value.isBlank()) {
                extra = true;
            }
        }

        @Override
        public void endRow(int rowNum) {
            List<String> values = new ArrayList<>(Arrays.asList(cells));
            if (extra) {
                values.add("");
            }
            if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                return;
            }
            if (!headerSeen) {
                headerSeen = true;
                requireHeader(values);
                return;
            }
            lines.add(rowNum + 1, values, false);
        }
    }

    private static void requireHeader(List<String> header) {
        List<String> names = header.stream().map(h -> h == null ? "" : h.strip()).toList();
        if (!names.equals(COLUMNS)) {
            throw fileError("the first row must name the columns " + String.join(",", COLUMNS) + " in this order; it has "
                    + String.join(",", names));
        }
    }

    /**
     * The lines read so far. The parent code, kind and headcount cells repeat from row to row (a company's
     * hundreds of departments name it as their parent), so each of their values is kept once: a file of
     * 100,000 rows then holds 300,000 fewer strings while its import is planned.
     */
    private static final class Lines {
        final List<Line> list = new ArrayList<>();
        private final Map<String, String> shared = new HashMap<>();

        /** A row's cells as a line; in CSV a name keeps no apostrophe that the export put before it. */
        void add(int row, List<String> values, boolean csv) {
            if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                return;
            }
            if (list.size() == MAX_ROWS) {
                throw fileError("the file has more than " + MAX_ROWS + " rows; import the tree in parts, one subtree at a time");
            }
            List<String> v = new ArrayList<>(values);
            while (v.size() < COLUMNS.size()) {
                v.add(null);
            }
            String name = cell(v.get(1));
            list.add(new Line(row, values.size(), cell(v.get(0)), csv ? csvName(name) : name, shared(cell(v.get(2))),
                    shared(cell(v.get(3))), shared(cell(v.get(4)))));
        }

        private String shared(String value) {
            return value == null ? null : shared.computeIfAbsent(value, k -> k);
        }
    }

    private static String cell(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /**
     * Undoes the apostrophe the CSV export puts before a name that a spreadsheet would run as a formula, or that
     * starts with an apostrophe itself (so that such a name reads back as it was).
     */
    private static String csvName(String value) {
        return value != null && value.length() > 1 && value.charAt(0) == '\''
                && "=+-@'".indexOf(value.charAt(1)) >= 0 ? value.substring(1) : value;
    }

    /** A name as a CSV cell: {@link Downloads#text} against formulas, and an apostrophe kept as written. */
    private static String csvCell(String name) {
        return name != null && name.startsWith("'") ? "'" + name : Downloads.text(name);
    }

    static ProblemException fileError(String message) {
        return ProblemException.invalid(List.of(new Problem.FieldError("file", message)));
    }

    /** Writes the rows as CSV, UTF-8 with a byte-order mark. */
    static void writeCsv(Consumer<Consumer<Entry>> rows, OutputStream out) throws IOException {
        var writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (var printer = new org.apache.commons.csv.CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write('\uFEFF');
            printer.printRecord(COLUMNS);
            rows.accept(e -> {
                try {
                    printer.printRecord(e.code(), csvCell(e.name()), e.parentCode(), e.kind(), e.headcount());
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
        }
    }

    /** Writes the rows as an xlsx workbook of one sheet; codes are text cells, so that "001" stays "001". */
    static void writeXlsx(Consumer<Consumer<Entry>> rows, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
            }
            int[] next = {1};
            rows.accept(e -> {
                Row row = sheet.createRow(next[0]++);
                textCell(row, 0, e.code(), text);
                textCell(row, 1, e.name(), text);
                textCell(row, 2, e.parentCode(), text);
                textCell(row, 3, e.kind().name(), text);
                if (e.headcount() != null) {
                    row.createCell(4).setCellValue(e.headcount());
                }
            });
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static void textCell(Row row, int column, String value, CellStyle text) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellStyle(text);
            cell.setCellValue(value);
        }
    }
}
