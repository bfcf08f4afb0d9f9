package io.shukei.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.shukei.json.Storable;

/**
 * A unit written to the tree file, CSV or xlsx, reads back as the same unit: whatever its name holds (formula
 * starts, quotes, apostrophes, line breaks, any script), an export imported again changes nothing.
 * Seeds in UnitFileFuzzTestInputs.
 */
class UnitFileFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anExportedUnitImportsAsItself(FuzzedDataProvider data) throws IOException {
        UnitKind kind = data.pickValue(UnitKind.values());
        Integer headcount = data.consumeBoolean() ? null : data.consumeInt(0, 10_000_000);
        String name = data.consumeRemainingAsString();
        if (name.isEmpty() || !name.equals(name.strip()) || Storable.text(name) != null) {
            return; // the service never stores such a name (stripped on the way in, or refused)
        }
        UnitFile.Entry entry = new UnitFile.Entry("u-1", name, "root", kind, headcount);
        UnitFile.Line expected = new UnitFile.Line(2, 5, "u-1", name, "root", kind.name(),
                headcount == null ? null : String.valueOf(headcount));

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        UnitFile.writeCsv(rows -> rows.accept(entry), csv);
        assertEquals(List.of(expected), UnitFile.readCsv(new ByteArrayInputStream(csv.toByteArray())), "CSV");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        UnitFile.writeXlsx(rows -> rows.accept(entry), xlsx);
        assertEquals(List.of(expected), UnitFile.readXlsx(new ByteArrayInputStream(xlsx.toByteArray())), "xlsx");
    }
}
