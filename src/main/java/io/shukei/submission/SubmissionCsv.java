package io.shukei.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.shukei.export.Downloads;
import io.shukei.export.FileBody;
import io.shukei.tally.Part;

/**
 * A round's current sheets for other systems: one row per unit, stable ASCII column names, answer
 * codes for questions 1..25 and then their comments.
 */
final class SubmissionCsv {

    private SubmissionCsv() {
    }

    /** The sheets, handed on one at a time. */
    @FunctionalInterface
    interface Sheets {
        void forEach(Consumer<SheetResponse> each);
    }

    static FileBody.Writer write(Sheets sheets) {
        return Downloads.csvWriter(printer -> {
            List<String> header = new ArrayList<>(List.of("round_id", "unit_id", "unit_code", "unit_name", "respondent",
                    "revision", "catalog_version", "score", "band", "submitted_at", "revised_at"));
            for (int q = 1; q <= Part.QUESTIONS; q++) {
                header.add("q" + q);
            }
            for (int q = 1; q <= Part.QUESTIONS; q++) {
                header.add("comment" + q);
            }
            printer.printRecord(header);
            sheets.forEach(s -> {
                List<Object> row = new ArrayList<>(List.of(s.roundId(), s.unitId(), Downloads.text(s.unitCode()),
                        Downloads.text(s.unitName())));
                row.add(Downloads.text(s.respondent()));
                row.addAll(List.of(s.revision(), s.catalogVersion(), s.score(), s.band().code(), s.submittedAt(), s.revisedAt()));
                s.answers().forEach(a -> row.add(a.answer()));
                s.answers().forEach(a -> row.add(Downloads.text(a.comment())));
                try {
                    printer.printRecord(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
    }
}
