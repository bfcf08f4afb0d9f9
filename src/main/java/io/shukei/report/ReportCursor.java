package io.shukei.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import io.shukei.problem.ProblemException;

/**
 * The cursor of a page of a report's units: the place in the tree of the last unit of the page before, which
 * the next page starts after (in tree order, so that units added or removed meanwhile move no other unit
 * to another page). Opaque to clients: base64url of the unit's path ids.
 */
final class ReportCursor {

    /** Up to 50 levels of ids, encoded. */
    static final int MAX_LENGTH = 1200;
    static final String PATTERN = "^[A-Za-z0-9_-]+$";
    private static final Pattern IDS = Pattern.compile("[0-9]{1,19}(\\.[0-9]{1,19}){0,49}");

    private ReportCursor() {
    }

    /** The cursor after the unit at the path ("/1/5/9/"). */
    static String encode(String path) {
        String ids = String.join(".", path.substring(1, path.length() - 1).split("/"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ids.getBytes(StandardCharsets.US_ASCII));
    }

    /** The tree order a cursor stands for; null for none (the first page); 400 for one no report gave. */
    static long[] decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String ids = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (IDS.matcher(ids).matches()) {
                return Arrays.stream(ids.split("\\.")).mapToLong(Long::parseLong).toArray();
            }
        } catch (IllegalArgumentException e) {
            // Not base64url, or an id beyond a long: answered like any other cursor the report did not give.
        }
        throw ProblemException.invalid("cursor", "is not a cursor of this report's pages");
    }
}
