package io.shukei.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.ws.rs.core.MediaType;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** What every file download shares: CSV that Excel opens, safe cell texts and an RFC 6266 file name. */
public final class Downloads {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final MediaType CSV_UTF8 = MediaType.valueOf(CSV + ";charset=UTF-8");
    public static final MediaType HTML_UTF8 = MediaType.valueOf(MediaType.TEXT_HTML + ";charset=UTF-8");

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private Downloads() {
    }

    /** Writes rows to the body of a CSV download. */
    @FunctionalInterface
    public interface Rows {
        void write(CSVPrinter printer) throws IOException;
    }

    /**
     * RFC 4180 CSV (CRLF, quotes doubled) in UTF-8 with a byte-order mark: without it Excel in
     * Japanese reads the file as Shift_JIS and shows mojibake.
     */
    public static FileBody csv(Rows rows) {
        return FileBody.spool(csvWriter(rows));
    }

    /** The CSV of {@link #csv}, written to the stream it is given. */
    public static FileBody.Writer csvWriter(Rows rows) {
        return out -> {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                writer.write('\uFEFF');
                rows.write(printer);
            }
        };
    }

    /**
     * A free text (name, comment) as a cell: spreadsheets run a cell starting with =, +, -, @, tab or
     * CR as a formula, so such a text is prefixed with an apostrophe (OWASP's CSV-injection advice).
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /**
     * Content-Disposition with an ASCII fallback name and the real (Japanese) name in RFC 5987
     * encoding, which every current browser prefers (RFC 6266).
     */
    public static String attachment(String name, String fallback) {
        String safe = name.replaceAll("[\\p{Cc}\\\\/:*?\"<>|]", "_").strip();
        StringBuilder encoded = new StringBuilder();
        for (byte b : safe.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
