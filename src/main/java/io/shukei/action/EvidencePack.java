package io.shukei.action;

import java.math.BigDecimal;

import io.shukei.catalog.Catalog;
import io.shukei.report.ReportResponse;

/**
 * One printable page for the organisation's own files: the declaration status, the latest
 * diagnosis and the policy in force, as they stood when the page was made.
 */
final class EvidencePack {

    private EvidencePack() {
    }

    static String html(SecurityActionService.Assessment assessment) {
        SecurityActionResponse status = assessment.status();
        StringBuilder body = new StringBuilder();
        body.append("<h1>SECURITY ACTION 宣言の準備状況の記録</h1>\n<p class=\"note\">")
                .append(Html.escape(status.organisationName())).append(" / 作成日時 ")
                .append(status.generatedAt()).append("</p>\n");
        status(body, status);
        diagnosis(body, assessment.report());
        policy(body, assessment.policy());
        body.append("<p class=\"note\">").append(Html.escape(status.howToDeclare().ja())).append("</p>\n");
        return Html.page("SECURITY ACTION 宣言の準備状況の記録 - " + status.organisationName(), body.toString());
    }

    private static void status(StringBuilder body, SecurityActionResponse status) {
        body.append("<section>\n<h2>1. 宣言の準備状況</h2>\n<p><strong>現在宣言できる段階:")
                .append(status.declarableLevelLabel().ja()).append("</strong></p>\n<p>")
                .append(Html.escape(status.statement().ja())).append("</p>\n")
                .append("<table>\n<tr><th>段階</th><th>要件</th><th>状況</th><th>記録</th></tr>\n");
        for (SecurityActionResponse.Requirement r : status.requirements()) {
            body.append("<tr><td>").append(r.level().label().ja()).append("</td><td>").append(Html.escape(r.title().ja()))
                    .append("</td><td>").append(r.met() ? "満たしている" : "まだ満たしていない").append("</td><td>")
                    .append(Html.escape(evidence(r.evidence())));
            for (Catalog.Text warning : r.warnings()) {
                body.append("<br>\n<span class=\"warning\">").append(Html.escape(warning.ja())).append("</span>");
            }
            body.append("</td></tr>\n");
        }
        body.append("</table>\n</section>\n");
    }

    private static String evidence(Object evidence) {
        if (evidence instanceof CommitmentResponse c) {
            return c.committedBy() + "(" + c.committedAt() + " 記録)";
        }
        if (evidence instanceof SecurityActionResponse.Diagnosis d) {
            return d.roundTitle() + "(" + d.closedAt() + " 締切)" + (d.score() == null ? "" : " " + points(d.score()));
        }
        if (evidence instanceof SecurityActionResponse.PolicyEvidence p) {
            return "第" + p.version() + "版(制定日 " + PolicyDocument.japaneseDate(p.enactedOn()) + ")";
        }
        if (evidence instanceof PublicationResponse p) {
            return p.url() + "(" + PolicyDocument.japaneseDate(p.publishedOn()) + " 公開、第" + p.policyVersion() + "版)";
        }
        return "記録なし";
    }

    private static void diagnosis(StringBuilder body, ReportResponse report) {
        body.append("<section>\n<h2>2. 直近の自社診断</h2>\n");
        if (report == null) {
            body.append("<p>組織全体を対象に締め切った診断はまだありません。</p>\n</section>\n");
            return;
        }
        body.append("<table>\n")
                .append(row("診断", Html.escape(report.roundTitle())))
                .append(row("集計方法", report.policy().name()))
                .append(row("合計点", report.score() == null ? "回答なし" : points(report.score()) + "(-25〜100点)"))
                .append(row("IPAによる目安", report.band() == null ? "-"
                        : Html.escape(report.band().situation().ja() + " → " + report.band().nextStep().ja())))
                .append(row("回答状況", report.coverage().submitted() + " / " + report.coverage().expected()));
        if (!report.coverage().missing().isEmpty()) {
            body.append(row("未回答", Html.escape(String.join("、",
                    report.coverage().missing().stream().map(ReportResponse.MissingUnit::name).toList()))));
        }
        body.append("</table>\n<p class=\"note\">").append(Html.escape(Wording.NO_PASS_MARK.ja())).append("</p>\n");
        body.append("<h3>分類別</h3>\n<table>\n<tr><th>分類</th><th>点数</th><th>満点</th></tr>\n");
        for (ReportResponse.PartResult p : report.parts()) {
            body.append("<tr><td>").append(p.part()).append(". ").append(Html.escape(p.title().ja())).append("</td><td>")
                    .append(p.score() == null ? "-" : p.score().toPlainString()).append("</td><td>").append(p.max())
                    .append("</td></tr>\n");
        }
        body.append("</table>\n<h3>設問別</h3>\n<table>\n<tr><th>No.</th><th>設問</th><th>回答</th><th>点数</th></tr>\n");
        for (ReportResponse.QuestionResult q : report.questions()) {
            body.append("<tr><td>").append(q.number()).append("</td><td>").append(Html.escape(q.text().ja()))
                    .append("</td><td>").append(q.answer() == null ? "-" : q.answer().labelJa()).append("</td><td>")
                    .append(q.points() == null ? "-" : q.points().toPlainString()).append("</td></tr>\n");
        }
        body.append("</table>\n");
        if (!report.unknowns().isEmpty()) {
            body.append("<h3>「わからない」の回答(見直しが必要)</h3>\n<ul>\n");
            for (ReportResponse.UnknownAnswer u : report.unknowns()) {
                body.append("<li>設問").append(u.question()).append(":").append(Html.escape(u.name())).append("</li>\n");
            }
            body.append("</ul>\n");
        }
        body.append("</section>\n");
    }

    private static void policy(StringBuilder body, BasicPolicyResponse policy) {
        body.append("<section>\n<h2>3. 現行の情報セキュリティ基本方針</h2>\n");
        if (policy == null) {
            body.append("<p>基本方針はまだ登録されていません。</p>\n");
        } else {
            body.append("<p class=\"note\">第").append(policy.version()).append("版(").append(policy.createdAt())
                    .append(" 登録)</p>\n").append(PolicyDocument.article(policy, 3));
        }
        body.append("</section>\n");
    }

    private static String row(String label, String html) {
        return "<tr><th>" + label + "</th><td>" + html + "</td></tr>\n";
    }

    private static String points(BigDecimal score) {
        return score.toPlainString() + "点";
    }
}
