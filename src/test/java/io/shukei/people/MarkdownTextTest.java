package io.shukei.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    /** Markdown is read back with commonmark: each line must be one paragraph holding exactly the text. */
    private static void readsBackAsPlainText(String line) {
        Node document = Parser.builder().build().parse(MarkdownText.escape(line));
        Node only = document.getFirstChild();
        assertEquals(Paragraph.class, only.getClass(), line);
        assertEquals(null, only.getNext(), line);
        StringBuilder text = new StringBuilder();
        only.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        assertEquals(line, text.toString());
    }

    @Test
    void linesThatLookLikeMarkdownStayPlainText() {
        for (String line : new String[] {"1. 情報セキュリティ関連法令の遵守", "- 箇条書きではない", "+ これも", "# 見出しではない",
                "**強調ではない**", "[リンク](https://example.com)", "<script>alert(1)</script>", "~~~", "> 引用ではない",
                "a_b_c * d", "`code`", "---"}) {
            readsBackAsPlainText(line);
        }
    }

    @Test
    void eachLineIsAParagraphAndBlankLinesAreDropped() {
        assertEquals("一行目\n\n二行目", MarkdownText.escape("一行目\r\n\r\n二行目\n"));
    }
}
