package io.shukei.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import io.shukei.json.Storable;

/**
 * Any text the service stores, put into a Markdown document (the basic policy), is read by a Markdown parser as
 * that text: one plain paragraph per non-blank line, never a heading, list, link, emphasis, code or HTML.
 * Seeds in MarkdownTextFuzzTestInputs.
 */
class MarkdownTextFuzzTest {

    private static final Parser PARSER = Parser.builder().build();

    @FuzzTest(maxDuration = "20s")
    void storedTextReadsBackAsPlainParagraphs(@NotNull String text) {
        if (Storable.text(text) != null) {
            return; // refused when it arrives: never stored, never written
        }
        List<String> lines = Arrays.stream(text.split("\r\n|\r|\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        Node document = PARSER.parse(MarkdownText.escape(text));
        assertTrue(document instanceof Document);
        List<String> paragraphs = new ArrayList<>();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            assertTrue(block instanceof Paragraph, block.getClass().getSimpleName());
            StringBuilder read = new StringBuilder();
            for (Node inline = block.getFirstChild(); inline != null; inline = inline.getNext()) {
                assertTrue(inline instanceof Text, inline.getClass().getSimpleName());
                read.append(((Text) inline).getLiteral());
            }
            paragraphs.add(read.toString());
        }
        assertEquals(lines, paragraphs);
    }
}
