package io.shukei.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.shukei.catalog.Catalog;
import io.shukei.export.FileBody;
import io.shukei.export.HtmlText;
import io.shukei.language.Language;
import io.shukei.tally.Answer;
import io.shukei.tally.Part;
import io.shukei.tally.Policy;

/**
 * The report as one printable HTML document. Everything is inline (CSS, SVG) and there is no script
 * and no external reference, so the file can be mailed, archived or printed to PDF as it is.
 */
@ApplicationScoped
class ReportHtml {

    private static final Map<Answer, String> SYMBOLS = Map.of(
            Answer.IMPLEMENTED, "○", Answer.PARTIAL, "△", Answer.NOT_IMPLEMENTED, "×", Answer.UNKNOWN, "?");

    private static final Map<Policy, Catalog.Text> POLICIES = Map.of(
            Policy.CONSOLIDATED, new Catalog.Text(
                    "設問ごとに、一部署でも「わからない」ならわからない、全部署が実施なら実施、全部署が未実施なら未実施、それ以外は一部実施として合計",
                    "Per question: Don't know if any unit does not know, Implemented if all did, Not implemented if none did, otherwise Partly implemented; then summed"),
            Policy.WEAKEST, new Catalog.Text("設問ごとに最も点数の低い部署の回答を採って合計",
                    "Per question, the answer with the fewest points among the units; then summed"),
            Policy.MEAN, new Catalog.Text("設問ごとに部署の点数を平均して合計",
                    "Per question, the mean of the units' points; then summed"),
            Policy.HEADCOUNT_MEAN, new Catalog.Text("設問ごとに人数で重み付けした平均を合計",
                    "Per question, the mean of the units' points weighted by headcount; then summed"));

    private static final String CSS = """
            @page { size: A4; margin: 12mm; }
            * { box-sizing: border-box; }
            body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; color: #1f2933;
                   margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.5;
                   -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 18px; border-bottom: 2px solid #3e4c59; padding-bottom: 2px; margin: 24px 0 8px; }
            .meta, .note { color: #52606d; font-size: 13px; }
            section { break-inside: avoid; }
            .headline { display: flex; gap: 32px; align-items: center; border: 1px solid #cbd2d9; border-radius: 8px;
                        padding: 16px 24px; margin-top: 16px; }
            .score { font-size: 64px; font-weight: 700; line-height: 1; white-space: nowrap; }
            .score small { font-size: 20px; color: #52606d; font-weight: 400; }
            .band { font-size: 20px; font-weight: 700; margin: 0; }
            .band-ENTRY_LEVEL_ACHIEVED { color: #1b7f3b; } .band-PARTLY_INSUFFICIENT { color: #8a6d00; }
            .band-INSUFFICIENT { color: #c05600; } .band-CRITICAL { color: #b42318; }
            table { border-collapse: collapse; font-size: 13px; }
            th, td { border: 1px solid #cbd2d9; padding: 3px 6px; text-align: left; vertical-align: top; }
            th { background: #f0f4f8; }
            tr.used td { font-weight: 700; background: #fffbea; }
            /* Long tables run over several printed pages: the browser repeats their thead on each; no row is split. */
            tr { break-inside: avoid; }
            /* A unit name without spaces wraps instead of widening the heatmap past the page. */
            .heat td:first-child { overflow-wrap: anywhere; }
            .heat td.a { text-align: center; width: 22px; padding: 2px 0; }
            .heat th.q { text-align: center; width: 22px; padding: 2px 0; }
            .a-I { background: #a7e3b5; } .a-P { background: #fde68a; } .a-N { background: #f8b4b4; } .a-U { background: #cbd2d9; }
            .legend span { display: inline-block; padding: 0 8px; margin-right: 6px; border: 1px solid #cbd2d9; }
            ol.lowest li { margin-bottom: 8px; } .advice { margin: 2px 0 0; }
            .num { text-align: right; }
            .warning { color: #b42318; }
            """;

    private final Advice advice;

    ReportHtml(Advice advice) {
        this.advice = advice;
    }

    FileBody write(ReportService.ReportDocument document, Language l) {
        return FileBody.spool(out -> {
            Html h = new Html(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            document(h, document, l);
            h.close();
        });
    }

    private void document(Html h, ReportService.ReportDocument document, Language l) {
        ReportResponse r = document.report();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(l.tag()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(document.organisationName() + " " + r.roundTitle()))
                .append(l.pick(" 診断結果", " report")).append("</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>").append(esc(r.roundTitle())).append("</h1><p class=\"meta\">")
                .append(esc(document.organisationName())).append(l.pick(" ・ 集計対象: ", " · Unit tallied: "))
                .append(esc(r.unitName())).append(" (").append(esc(r.unitCode())).append(")")
                .append(l.pick(" ・ 状態: ", " · Status: ")).append(r.roundStatus())
                .append(l.pick(" ・ 作成: ", " · Generated: ")).append(r.generatedAt()).append("</p></header>\n");
        headline(h, r, l);
        parts(h, r, l);
        policies(h, r, l);
        coverage(h, r, l);
        unknowns(h, r, l);
        lowest(h, r, l);
        heatmap(h, document, l);
        h.append("<footer class=\"note\"><p>")
                .append(l.pick("設問文はIPA「5分でできる!情報セキュリティ自社診断」によります。",
                        "Question texts: IPA's 5-minute information security self-diagnosis; the English wording is an unofficial translation."))
                .append(l.pick("設問の版: ", " Catalog version: ")).append(esc(r.catalogVersion())).append("</p><p>")
                .append(esc(pick(l, advice.note()))).append("</p></footer>\n</body></html>\n");
    }

    private static void headline(Html h, ReportResponse r, Language l) {
        h.append("<section class=\"headline\"><div class=\"score\" id=\"score\">")
                .append(r.score() == null ? "—" : r.score().toPlainString()).append("<small> / 100</small></div><div>");
        if (r.band() == null) {
            h.append("<p class=\"band\">").append(l.pick("まだ提出がありません", "No sheet has been submitted yet")).append("</p>");
        } else {
            h.append("<p class=\"band band-").append(r.band().code()).append("\">").append(esc(pick(l, r.band().situation())))
                    .append("</p><p>").append(l.pick("IPAの目安による次の一手: ", "Next step by IPA's guide: "))
                    .append("<strong>").append(esc(pick(l, r.band().nextStep()))).append("</strong></p>");
        }
        h.append("<p class=\"meta\">").append(l.pick("集計方法: ", "Policy: ")).append(r.policy()).append(" — ")
                .append(esc(pick(l, POLICIES.get(r.policy())))).append("</p></div></section>\n");
    }

    /** Part subtotals against their maxima as bars; IPA gives no per-part bands, so none are drawn. */
    private static void parts(Html h, ReportResponse r, Language l) {
        int rowHeight = 34;
        int barX = 260;
        int barWidth = 520;
        h.append("<section><h2>").append(l.pick("パート別小計", "Part subtotals")).append("</h2>")
                .append("<svg width=\"900\" height=\"").append(rowHeight * r.parts().size() + 4)
                .append("\" role=\"img\" aria-label=\"").append(l.pick("パート別小計", "Part subtotals")).append("\">");
        int y = 2;
        for (ReportResponse.PartResult p : r.parts()) {
            double share = p.score() == null ? 0 : Math.max(0, p.score().doubleValue()) / p.max();
            h.append("<text x=\"0\" y=\"").append(y + 21).append("\" font-size=\"14\">").append(l.pick("パート", "Part "))
                    .append(p.part()).append(" ").append(esc(pick(l, p.title()))).append("</text>")
                    .append("<rect x=\"").append(barX).append("\" y=\"").append(y + 4).append("\" width=\"").append(barWidth)
                    .append("\" height=\"22\" fill=\"#e4e7eb\"/>")
                    .append("<rect x=\"").append(barX).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(Math.round(barWidth * share)).append("\" height=\"22\" fill=\"#3e7bd6\"/>")
                    .append("<text x=\"").append(barX + barWidth + 10).append("\" y=\"").append(y + 21)
                    .append("\" font-size=\"14\">").append(number(p.score())).append(" / ").append(p.max()).append("</text>");
            y += rowHeight;
        }
        h.append("</svg></section>\n");
    }

    private static void policies(Html h, ReportResponse r, Language l) {
        h.append("<section><h2>").append(l.pick("集計方法ごとの点数", "Score under each policy")).append("</h2><table><tr><th>")
                .append(l.pick("集計方法", "Policy")).append("</th><th>").append(l.pick("点数", "Score")).append("</th><th>")
                .append(l.pick("判定", "Situation")).append("</th><th>").append(l.pick("考え方", "How")).append("</th></tr>");
        for (Policy p : Policy.values()) {
            ReportResponse.PolicyScore s = r.policies().get(p);
            h.append(p == r.policy() ? "<tr class=\"used\">" : "<tr>").append("<td>").append(p)
                    .append(p == r.policy() ? l.pick("(採用)", " (used)") : "").append("</td><td class=\"num\">")
                    .append(number(s.score())).append("</td><td>")
                    .append(s.band() != null ? esc(pick(l, s.band().situation())) : esc(ReportTables.reason(s, l)))
                    .append("</td><td>").append(esc(pick(l, POLICIES.get(p)))).append("</td></tr>");
        }
        h.append("</table></section>\n");
    }

    private static void coverage(Html h, ReportResponse r, Language l) {
        ReportResponse.Coverage c = r.coverage();
        h.append("<section><h2>").append(l.pick("提出状況", "Coverage")).append("</h2><p>")
                .append(l.pick("提出済み ", "Submitted ")).append(c.submitted()).append(" / ").append(c.expected())
                .append(l.pick("(未提出の部署は点数に含めていません)", " (units that have not submitted are not counted)"))
                .append("</p>");
        if (c.missing().isEmpty()) {
            h.append("<p>").append(l.pick("すべての部署が提出済みです。", "Every unit has submitted.")).append("</p>");
        } else {
            h.append("<p>").append(l.pick("未提出:", "Missing:")).append("</p><ul class=\"missing\">");
            for (ReportResponse.MissingUnit m : c.missing()) {
                h.append("<li>").append(esc(m.name())).append(" (").append(esc(m.code())).append(")</li>");
            }
            h.append("</ul>");
        }
        for (ReportTables.Line warning : ReportTables.driftWarnings(c, l)) {
            h.append("<p class=\"warning\" role=\"alert\"><strong>").append(esc(warning.label())).append("</strong>: ")
                    .append(esc((String) warning.value())).append("</p>");
        }
        h.append("</section>\n");
    }

    private static void unknowns(Html h, ReportResponse r, Language l) {
        h.append("<section><h2>").append(l.pick("「わからない」の回答", "Answers \"Don't know\"")).append("</h2><p class=\"note\">")
                .append(l.pick("IPAは「わからない」と回答した項目をすべて確認するよう求めています。",
                        "IPA asks that every item answered \"Don't know\" be reviewed."))
                .append("</p>");
        if (r.unknowns().isEmpty()) {
            h.append("<p>").append(l.pick("ありません。", "None.")).append("</p>");
        } else {
            h.append("<table><thead><tr><th>").append(l.pick("設問", "Question")).append("</th><th>")
                    .append(l.pick("部署", "Unit")).append("</th></tr></thead><tbody>");
            for (ReportResponse.UnknownAnswer u : r.unknowns()) {
                h.append("<tr><td>").append(u.question()).append(". ").append(esc(pick(l, r.questions().get(u.question() - 1).text())))
                        .append("</td><td>").append(esc(u.name())).append(" (").append(esc(u.code())).append(")</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</section>\n");
    }

    private void lowest(Html h, ReportResponse r, Language l) {
        if (r.lowestQuestions().isEmpty()) {
            return;
        }
        h.append("<section><h2>").append(l.pick("点数の低い設問と改善のヒント", "Lowest questions and what to do"))
                .append("</h2><ol class=\"lowest\">");
        for (ReportResponse.QuestionResult q : r.lowestQuestions()) {
            h.append("<li><strong>").append(l.pick("設問", "Question ")).append(q.number()).append("</strong> ")
                    .append(esc(pick(l, q.text()))).append(" — ").append(l.pick("点数 ", "points ")).append(number(q.points()));
            if (q.answer() != null) {
                h.append(" (").append(esc(l.pick(q.answer().labelJa(), q.answer().labelEn()))).append(")");
            }
            h.append("<p class=\"advice\">").append(esc(pick(l, advice.forQuestion(q.number())))).append("</p></li>");
        }
        h.append("</ol></section>\n");
    }

    /** Units × questions, one coloured cell per answer; the symbol keeps it readable in black and white. */
    private static void heatmap(Html h, ReportService.ReportDocument document, Language l) {
        h.append("<section><h2>").append(l.pick("部署×設問の回答", "Answers by unit and question")).append("</h2>")
                .append("<p class=\"legend\">");
        for (Answer a : Answer.values()) {
            h.append("<span class=\"a-").append(a.letter()).append("\">").append(SYMBOLS.get(a)).append(" ")
                    .append(esc(l.pick(a.labelJa(), a.labelEn()))).append(" (").append(a.points()).append(")</span>");
        }
        h.append("</p><table class=\"heat\"><thead><tr><th>").append(l.pick("部署", "Unit")).append("</th>");
        for (int q = 1; q <= Part.QUESTIONS; q++) {
            h.append("<th class=\"q\">").append(q).append("</th>");
        }
        h.append("<th>").append(l.pick("点数", "Score")).append("</th></tr></thead><tbody>");
        for (ReportRepository.SheetRow sheet : document.sheets()) {
            h.append("<tr><td>").append(esc(sheet.name())).append("</td>");
            int score = 0;
            for (int q = 1; q <= Part.QUESTIONS; q++) {
                Answer a = Answer.ofLetter(sheet.answers().charAt(q - 1));
                score += a.points();
                h.append("<td class=\"a a-").append(a.letter()).append("\" title=\"")
                        .append(esc(l.pick(a.labelJa(), a.labelEn()))).append("\">").append(SYMBOLS.get(a)).append("</td>");
            }
            h.append("<td class=\"num\">").append(score).append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private static String number(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    private static String pick(Language l, Catalog.Text text) {
        return ReportTables.pick(l, text);
    }

    private static String esc(String s) {
        return HtmlText.escape(s);
    }

    /**
     * The document as it is written: appended text collects in a buffer that goes to the file whenever
     * it holds 64 KiB, so that a report of 10,000 units (about 20 MB of HTML) is never on the heap whole.
     */
    private static final class Html {

        private static final int FLUSH_AT = 65_536;

        private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4_096);
        private final Writer out;

        Html(Writer out) {
            this.out = out;
        }

        Html append(String s) {
            buffer.append(s);
            return flushIfFull();
        }

        Html append(Object o) {
            return append(String.valueOf(o));
        }

        Html append(int i) {
            buffer.append(i);
            return flushIfFull();
        }

        Html append(long i) {
            buffer.append(i);
            return flushIfFull();
        }

        Html append(char c) {
            buffer.append(c);
            return flushIfFull();
        }

        private Html flushIfFull() {
            if (buffer.length() >= FLUSH_AT) {
                try {
                    flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return this;
        }

        private void flush() throws IOException {
            out.append(buffer);
            buffer.setLength(0);
        }

        void close() throws IOException {
            flush();
            out.close();
        }
    }
}
