package io.shukei.action;

import io.shukei.export.HtmlText;

/**
 * The few pieces of HTML the printable documents need. Every text that comes from a user goes
 * through {@link #escape}; the page is self-contained (inline CSS, no script, nothing fetched) so
 * that it prints and archives as it is.
 */
final class Html {

    private static final String CSS = """
            @page { size: A4; margin: 20mm; }
            body { font-family: "Hiragino Mincho ProN", "Yu Mincho", "Noto Serif JP", serif; line-height: 1.8;
                   color: #111; max-width: 44em; margin: 2em auto; padding: 0 1em; }
            h1 { font-size: 1.6em; text-align: center; margin: 1em 0; }
            h2 { font-size: 1.25em; border-bottom: 1px solid #999; margin-top: 1.6em; }
            h3 { font-size: 1.05em; margin: 1.2em 0 0.2em; }
            table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
            th, td { border: 1px solid #999; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
            .signature { text-align: right; margin-top: 2.5em; }
            .signature p { margin: 0.2em 0; }
            .note { font-size: 0.9em; color: #333; }
            .warning { color: #8a1f11; }
            article.policy { page-break-inside: auto; }
            @media print { body { margin: 0; max-width: none; } section { page-break-inside: avoid; } }
            """;

    private Html() {
    }

    static String escape(String text) {
        return HtmlText.escape(text);
    }

    /** Escaped text whose line breaks survive. */
    static String lines(String text) {
        return escape(text).replace("\n", "<br>\n");
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }
}
