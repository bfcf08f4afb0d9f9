package io.shukei.action;

import java.time.LocalDate;

/** Renders a basic policy in IPA's layout (seed §2-2-4) as Markdown or as a printable HTML page. */
final class PolicyDocument {

    private PolicyDocument() {
    }

    /** 制定日 as written in the sample: 2026年4月1日. */
    static String japaneseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static String markdown(BasicPolicyResponse p) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(p.title()).append("\n\n");
        md.append(markdownText(p.preamble())).append("\n\n");
        for (BasicPolicyResponse.Section s : p.sections()) {
            md.append("## ").append(s.number()).append('.').append(markdownText(s.heading())).append("\n\n");
            md.append(markdownText(s.text())).append("\n\n");
        }
        md.append("制定日:").append(japaneseDate(p.enactedOn())).append("\n\n");
        md.append(markdownText(p.companyName())).append("\n\n");
        md.append(markdownText(p.representativeTitle() + " " + p.representativeName())).append('\n');
        return md.toString();
    }

    static String html(BasicPolicyResponse p) {
        return Html.page(p.title() + " - " + p.companyName(), article(p, 1));
    }

    /** The policy as an article whose title is a heading of the given level (1 on its own page, lower inside another document). */
    static String article(BasicPolicyResponse p, int level) {
        String h = "h" + level;
        String sub = "h" + (level + 1);
        StringBuilder html = new StringBuilder("<article class=\"policy\">\n");
        html.append('<').append(h).append('>').append(Html.escape(p.title())).append("</").append(h).append(">\n");
        html.append("<p>").append(Html.lines(p.preamble())).append("</p>\n");
        for (BasicPolicyResponse.Section s : p.sections()) {
            html.append("<section>\n<").append(sub).append('>').append(s.number()).append('.')
                    .append(Html.escape(s.heading())).append("</").append(sub).append(">\n<p>")
                    .append(Html.lines(s.text())).append("</p>\n</section>\n");
        }
        html.append("<div class=\"signature\">\n<p>制定日:").append(japaneseDate(p.enactedOn())).append("</p>\n<p>")
                .append(Html.escape(p.companyName())).append("</p>\n<p>").append(Html.escape(p.representativeTitle()))
                .append(' ').append(Html.escape(p.representativeName())).append("</p>\n</div>\n</article>\n");
        return html.toString();
    }

    /** Backslash-escapes Markdown syntax so user text stays text; each line becomes its own paragraph. */
    private static String markdownText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>#|~!".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? "\n\n" : String.valueOf(c));
        }
        return out.toString();
    }
}
