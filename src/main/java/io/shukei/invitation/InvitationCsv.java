package io.shukei.invitation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.shukei.export.Downloads;
import io.shukei.export.FileBody;

/**
 * Invitations as CSV for a mail merge (UTF-8 with BOM, as every CSV of the service): one row per link with the
 * unit, its parent (site), the address and, in the answer that makes the links, the links themselves. A file with
 * links is written in memory (links never touch a disk); the list without them is written as it is read.
 */
public final class InvitationCsv {

    private InvitationCsv() {
    }

    public static String write(List<InvitationResponse> invitations) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            rows(invitations::forEach).write(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The invitations, handed on one at a time. */
    @FunctionalInterface
    interface Invitations {
        void forEach(Consumer<InvitationResponse> each);
    }

    /** The list without links, written to the stream it is given as the invitations come. */
    static FileBody.Writer writer(Invitations invitations) {
        return Downloads.csvWriter(rows(invitations));
    }

    private static Downloads.Rows rows(Invitations invitations) {
        return printer -> {
            printer.printRecord("invitation_id", "round_id", "unit_id", "unit_code", "unit_name", "parent_name", "email",
                    "state", "url", "issued_at", "revoked_at", "mailed_at");
            invitations.forEach(i -> {
                try {
                    printer.printRecord(i.id(), i.roundId(), i.unitId(), Downloads.text(i.unitCode()),
                            Downloads.text(i.unitName()), Downloads.text(i.parentName()), Downloads.text(i.email()),
                            i.state(), i.url(), i.issuedAt(), i.revokedAt(), i.mailedAt());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        };
    }
}
