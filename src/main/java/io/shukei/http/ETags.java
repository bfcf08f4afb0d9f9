package io.shukei.http;

import io.shukei.problem.ProblemException;

/** Strong entity tags made of a resource's revision number, the If-Match check that uses them, and If-None-Match. */
public final class ETags {

    private ETags() {
    }

    public static String of(int revision) {
        return "\"" + revision + "\"";
    }

    /**
     * Refuses a write whose If-Match names another revision than the current one.
     *
     * @param current the current revision, or null when the resource does not exist yet
     */
    public static void checkIfMatch(String ifMatch, Integer current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String expected = ifMatch.trim();
        if (expected.equals("*") ? current != null : current != null && matchesAny(expected, of(current))) {
            return;
        }
        throw new ProblemException(412, "/problems/precondition-failed", "Precondition failed",
                current == null ? "The resource does not exist yet, so If-Match cannot match"
                        : "The resource has changed: its current revision is " + current, null)
                .with("currentRevision", current);
    }

    /**
     * Whether If-None-Match names the tag, so that a GET is answered 304: "*" or a list of tags, weak ones
     * compared by their opaque part (RFC 9110 weak comparison).
     */
    public static boolean isNotModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(String header, String tag) {
        for (String candidate : header.split(",")) {
            if (candidate.trim().equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
