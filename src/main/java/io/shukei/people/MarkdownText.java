package io.shukei.people;

import java.util.StringJoiner;

import org.commonmark.node.Document;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * Text as Markdown that reads back as the same text: each line a paragraph of plain text, every character that
 * Markdown would take for syntax (a list marker, a heading, emphasis, a link, HTML) escaped by commonmark's
 * renderer. That renderer leaves a line's leading "+" (a bullet) and "~" (a code fence) as they are; they are
 * escaped here as well.
 */
public final class MarkdownText {

    private static final MarkdownRenderer RENDERER = MarkdownRenderer.builder().build();

    private MarkdownText() {
    }

    /** The text's lines as paragraphs, separated by an empty line; blank lines are left out. */
    public static String escape(String text) {
        StringJoiner paragraphs = new StringJoiner("\n\n");
        for (String line : text.split("\r\n|\r|\n")) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                paragraphs.add(line(stripped));
            }
        }
        return paragraphs.toString();
    }

    private static String line(String text) {
        Document document = new Document();
        Paragraph paragraph = new Paragraph();
        paragraph.appendChild(new Text(text));
        document.appendChild(paragraph);
        String rendered = RENDERER.render(document).stripTrailing();
        char first = rendered.charAt(0);
        return first == '+' || first == '~' ? "\\" + rendered : rendered;
    }
}
