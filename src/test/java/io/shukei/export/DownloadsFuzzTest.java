package io.shukei.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import io.shukei.json.Storable;

/**
 * Any text the service stores (names, comments, titles) passes through the writers of downloads and pages
 * unchanged in meaning: a CSV cell reads back as written and never starts a formula, a download's file name
 * header stays printable ASCII and carries the name (HTML is escaped by the template engine). Seeds in DownloadsFuzzTestInputs.
 */
class DownloadsFuzzTest {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    @FuzzTest(maxDuration = "20s")
    void storedTextSurvivesEveryWriter(@NotNull String text) throws IOException {
        if (Storable.text(text) != null) {
            return; // refused when it arrives: never stored, never written
        }
        String cell = Downloads.text(text);
        assertTrue(cell.equals(text) || cell.equals("'" + text), cell);
        assertTrue(cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0, cell);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        Downloads.csv(printer -> printer.printRecord(cell, text)).write(csv);
        String written = csv.toString(StandardCharsets.UTF_8);
        assertTrue(written.startsWith("\uFEFF"));
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(written.substring(1))).getRecords();
        assertEquals(1, records.size(), written);
        assertEquals(List.of(cell, text), records.get(0).toList());

        String header = Downloads.attachment(text, "report.csv");
        assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f), header);
        String name = URLDecoder.decode(header.substring(header.indexOf("UTF-8''") + 7).replace("+", "%2B"), StandardCharsets.UTF_8);
        assertFalse(name.chars().anyMatch(c -> Character.isISOControl(c) || "\\/:*?\"<>|".indexOf(c) >= 0), name);
        if (text.chars().noneMatch(c -> Character.isISOControl(c) || "\\/:*?\"<>|".indexOf(c) >= 0) && text.strip().equals(text)) {
            assertEquals(text, name);
        }
    }
}
