package io.shukei.http;

/**
 * The character rules of free text in requests, written so that Java and the JavaScript-flavoured
 * regular expressions of OpenAPI tools read them the same way (no \p{..} classes, no inline flags).
 */
public final class TextRules {

    /** One line: no control characters (C0 and DEL). */
    public static final String SINGLE_LINE = "[^\\x00-\\x1F\\x7F]*";
    /** Several lines: line breaks and tabs allowed, other control characters not. */
    public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    /** An absolute http(s) URL: scheme, host, optional port, then no spaces or control characters. */
    public static final String WEB_URL = "[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
            + "(?:[/?#][^\\x00-\\x20\\x7F]*)?";
    public static final String NO_CONTROL = "must not contain control characters";
    public static final String NO_CONTROL_BUT_LINE_BREAKS = "must not contain control characters other than line breaks and tabs";

    private TextRules() {
    }
}
