package io.shukei.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.shukei.catalog.Catalog;
import io.shukei.catalog.Labels;
import io.shukei.export.Downloads;
import io.shukei.language.Language;
import io.shukei.people.Audience;
import io.shukei.round.RoundStatus;
import io.shukei.tally.Answer;
import io.shukei.tally.Part;
import io.shukei.tally.Policy;
import io.shukei.unit.UnitNamed;

/**
 * The rows both spreadsheet forms (CSV and xlsx) are made of, built once from the report so the
 * forms cannot disagree. Numbers stay numbers; free texts are neutralised against formula injection;
 * codes are written as the reader's words, times in the service's zone to the minute.
 */
final class ReportTables {

    private ReportTables() {
    }

    /** One summary line: a label, its value and, for part subtotals, the maximum. */
    record Line(String label, Object value, Object extra) {
    }

    /** A table with a name (the workbook's sheet), a header and rows. */
    record Table(String name, List<String> header, Rows rows) {
    }

    /** Rows handed on one at a time: those of a table read from the database are never all held. */
    @FunctionalInterface
    interface Rows {
        void forEach(Consumer<List<Object>> each);
    }

    static List<Line> summary(ReportDocument document, Audience a) {
        ReportResponse r = document.report();
        List<Line> lines = new ArrayList<>();
        if (document.organisationName() != null) {
            lines.add(new Line(a.pick("組織", "Organisation"), Downloads.text(document.organisationName()), null));
        }
        lines.add(new Line(a.pick("診断", "Round"), Downloads.text(r.roundTitle()), a.text(r.roundStatus())));
        lines.add(new Line(a.pick("集計対象", "Unit tallied"), Downloads.text(r.unitName()), Downloads.text(r.unitCode())));
        lines.add(new Line(a.pick("集計方法", "Policy"), a.text(Labels.policy(r.policy())), a.text(Labels.how(r.policy()))));
        lines.add(new Line(a.pick("点数", "Score"), r.score(), null));
        lines.add(new Line(a.pick("判定", "Situation"), r.band() == null ? null : a.text(r.band().situation()), null));
        lines.add(new Line(a.pick("次の一手", "Next step"), r.band() == null ? null : a.text(r.band().nextStep()), null));
        if (r.belowEveryUnit()) {
            lines.add(new Line(a.pick("注記", "Note"), a.pick(
                    "組織全体の点数はどの部署の点数よりも低くなっています。設問ごとに全部署がそろって実施している対策だけを実施と数えるためです。部署の点数の平均は集計方法別「平均」の行にあります。",
                    "The organisation scores lower than every unit: a measure counts as implemented only where every unit has it. "
                            + "The mean of the units' points is on the line of the Mean policy."), null));
        }
        lines.add(new Line(a.pick("提出済み / 対象", "Submitted / expected"), r.coverage().submitted(), r.coverage().expected()));
        lines.add(new Line(a.pick("未提出", "Missing"), r.coverage().missing().stream()
                .map(m -> Downloads.text(m.path())).collect(Collectors.joining(a.pick("、", ", ")))
                + more(r.coverage().expected() - r.coverage().submitted() - r.coverage().missing().size(), a.language()), null));
        for (Line warning : driftWarnings(r.coverage(), a.language())) {
            lines.add(new Line(warning.label(), Downloads.text((String) warning.value()), warning.extra()));
        }
        for (ReportResponse.PartResult p : r.parts()) {
            lines.add(new Line(a.pick("パート", "Part ") + p.part() + " " + a.text(p.title()), p.score(), p.max()));
        }
        for (Policy p : Policy.values()) {
            ReportResponse.PolicyScore score = r.policies().get(p);
            lines.add(new Line(a.pick("集計方法別 ", "Policy: ") + a.text(Labels.policy(p)),
                    score.score() != null ? score.score() : Downloads.text(reason(score, a.language())),
                    p == r.policy() ? a.pick("採用", "used") : null));
        }
        ReportResponse.YearOnYear before = r.previousRound();
        if (before != null) {
            lines.add(new Line(a.pick("前回", "Previous round"), Downloads.text(before.title()), a.time(before.closedAt())));
            lines.add(new Line(a.pick("前回の点数", "Previous score"), before.score(), null));
            lines.add(new Line(a.pick("前回からの変化", "Change since"), before.change(), null));
            lines.add(new Line(a.pick("前回の提出済み / 対象", "Previous submitted / expected"), before.submitted(),
                    before.expected()));
            if (before.coverageDiffers()) {
                lines.add(new Line(a.pick("注記", "Note"), a.pick("提出状況が前回と違います。点数の変化には、回答した部署が変わったことによる分も含まれます。",
                        "Coverage differs from the previous round: part of the change comes from which units answered."), null));
            }
        }
        for (ReportResponse.Improvement q : r.toImprove()) {
            lines.add(new Line(a.pick("まず改善する設問 ", "To improve first: question ") + q.number(), a.text(q.text()),
                    q.knownMean()));
        }
        for (ReportResponse.UnknownAnswer u : r.unknowns()) {
            lines.add(new Line(a.pick("わからない 設問", "Don't know, question ") + u.question(),
                    Downloads.text(u.path()), Downloads.text(u.code())));
        }
        if (r.unknownAnswers() > r.unknowns().size()) {
            // Every one is in the answers section; the summary names the first ones.
            lines.add(new Line(a.pick("わからない", "Don't know"), more(r.unknownAnswers() - r.unknowns().size(), a.language()),
                    r.unknownAnswers()));
        }
        for (ReportResponse.Approval s : r.approvals()) {
            lines.add(new Line(a.pick("承認", "Approved by"), Downloads.text(s.title() + " " + s.name()),
                    a.time(s.approvedAt()) + (s.current() ? "" : a.pick("(再開により無効)", " (superseded: the round was reopened)"))));
        }
        lines.add(new Line(a.pick("設問の版", "Catalog version"), r.catalogVersion(), r.catalogId()));
        lines.add(new Line(r.roundStatus() == RoundStatus.CLOSED ? a.pick("締切日時", "Closed at")
                : a.pick("作成日時", "Generated at"), a.time(r.generatedAt()), a.zoneName()));
        return lines;
    }

    /**
     * The tables both spreadsheet forms add after the summary: the units with their respondent and times, the
     * sites, the previous round beside this one (when there is one) and the action plan.
     */
    static List<Table> tables(ReportDocument document, Audience a) {
        ReportResponse r = document.report();
        List<Table> tables = new ArrayList<>(List.of(units(document, a), sites(r, a)));
        if (r.previousRound() != null) {
            tables.add(yearOnYear(r, a));
        }
        tables.add(plan(r, a));
        return tables;
    }

    /** Each unit with a sheet: its path, who answered and when (local time to the minute), its revision and score. */
    static Table units(ReportDocument document, Audience a) {
        Rows rows = each -> document.sheets().forEach(line -> {
            ReportResponse.UnitResult u = line.unit();
            each.accept(Arrays.asList(Downloads.text(u.path()), Downloads.text(u.code()), Downloads.text(u.respondent()),
                    a.time(u.submittedAt()), u.revision() > 1 ? a.time(u.revisedAt()) : null, u.revision(), u.score(),
                    u.band() == null ? null : a.text(u.band().situation())));
        });
        return new Table(a.pick("部署別", "Units"), List.of(a.pick("部署", "Unit"), a.pick("コード", "Code"),
                a.pick("回答者", "Respondent"), a.pick("提出", "Submitted"), a.pick("最終更新", "Last revised"),
                a.pick("版", "Revision"), a.pick("点数", "Score"), a.pick("判定", "Situation")), rows);
    }

    /** The previous round beside this one: score, coverage, parts and questions, each with its change. */
    static Table yearOnYear(ReportResponse r, Audience a) {
        ReportResponse.YearOnYear before = r.previousRound();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(a.pick("点数", "Score"), null, before.score(), r.score(), before.change()));
        rows.add(Arrays.asList(a.pick("提出済み / 対象", "Submitted / expected"), null,
                before.submitted() + " / " + before.expected(), r.coverage().submitted() + " / " + r.coverage().expected(),
                null));
        for (ReportResponse.PartChange p : before.parts()) {
            ReportResponse.PartResult now = r.parts().get(p.part() - 1);
            rows.add(Arrays.asList(a.pick("パート", "Part ") + p.part() + " " + a.text(now.title()), null, p.previous(),
                    now.score(), p.change()));
        }
        for (ReportResponse.QuestionChange q : before.questions()) {
            ReportResponse.QuestionResult now = r.questions().get(q.number() - 1);
            rows.add(Arrays.asList(a.pick("設問", "Question ") + q.number(), a.text(now.text()), q.previous(), now.points(),
                    q.change()));
        }
        return new Table(a.pick("前回との比較", "Previous round"), List.of(a.pick("項目", "Item"), a.pick("設問文", "Text"),
                a.pick("前回", "Previous") + ": " + Downloads.text(before.title()), a.pick("今回", "This round"),
                a.pick("変化", "Change")), rows::forEach);
    }

    /** The node's children (its sites) with score, band, coverage and わからない count, and the previous round's score. */
    static Table sites(ReportResponse r, Audience a) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReportResponse.ChildResult c : r.children()) {
            ReportResponse.ChildChange before = r.previousRound() == null ? null : r.previousRound().children().stream()
                    .filter(p -> p.unitId() == c.unitId()).findFirst().orElse(null);
            rows.add(Arrays.asList(Downloads.text(c.name()), Downloads.text(c.code()), c.score(),
                    c.band() == null ? null : a.text(c.band().situation()), c.coverage().submitted(),
                    c.coverage().expected(), c.unknownAnswers(), before == null ? null : before.previous(),
                    before == null ? null : before.change()));
        }
        return new Table(a.pick("事業所別", "Sites"), List.of(a.pick("事業所", "Site"), a.pick("コード", "Code"),
                a.pick("点数", "Score"), a.pick("判定", "Situation"), a.pick("提出済み", "Submitted"), a.pick("対象", "Expected"),
                a.pick("わからない", "Don't know"), a.pick("前回の点数", "Previous score"), a.pick("変化", "Change")), rows::forEach);
    }

    /** This round's action plan, then the previous round's with the points then and now. */
    static Table plan(ReportResponse r, Audience a) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReportResponse.PlanItem i : r.actionItems()) {
            rows.add(planRow(a.pick("今回", "This round"), i, a));
        }
        for (ReportResponse.PlanItem i : r.previousActionItems()) {
            rows.add(planRow(a.pick("前回", "Previous round"), i, a));
        }
        return new Table(a.pick("対策計画", "Action plan"), List.of(a.pick("回", "Round"), a.pick("設問", "Question"),
                a.pick("対象", "Unit"), a.pick("対策", "Action"), a.pick("担当", "Owner"), a.pick("期限", "Due"),
                a.pick("状況", "Status"), a.pick("前回の点数", "Points then"), a.pick("今回の点数", "Points now")), rows::forEach);
    }

    private static List<Object> planRow(String round, ReportResponse.PlanItem i, Audience a) {
        return Arrays.asList(round, i.question(), Downloads.text(i.path()), Downloads.text(i.action()),
                Downloads.text(i.owner()), a.date(i.dueOn()), a.text(i.status()), i.pointsBefore(), i.pointsNow());
    }

    static List<String> answerHeader(Language l) {
        return List.of(l.pick("部署コード", "Unit code"), l.pick("部署", "Unit"), l.pick("回答者", "Respondent"),
                l.pick("版", "Revision"), l.pick("設問", "Question"), l.pick("パート", "Part"),
                l.pick("回答コード", "Answer code"), l.pick("回答", "Answer"), l.pick("点数", "Points"),
                l.pick("コメント", "Comment"));
    }

    /** One row per unit and question, in tree then question order. */
    static Rows answerRows(ReportDocument document, Language l) {
        // Made as they are written: a 100,000-unit round has 2,500,000 of them.
        return each -> document.sheets().forEach(line -> answerRows(line, l, each));
    }

    /** The rows of one unit's sheet, a question each. */
    static void answerRows(ReportDocument.SheetLine line, Language l, Consumer<List<Object>> each) {
        for (int q = 1; q <= Part.QUESTIONS; q++) {
            each.accept(answerRow(line, q, l));
        }
    }

    private static List<Object> answerRow(ReportDocument.SheetLine line, int q, Language l) {
        ReportRepository.SheetRow sheet = line.sheet();
        Answer a = Answer.ofLetter(sheet.answers().charAt(q - 1));
        return Arrays.asList(Downloads.text(sheet.code()), Downloads.text(line.path()), Downloads.text(sheet.respondent()),
                sheet.revision(), q, Part.of(q).number(), a.name(), l.pick(a.labelJa(), a.labelEn()), a.points(),
                Downloads.text(sheet.comments().get(q)));
    }

    /**
     * Warning lines for an open round that differs from the organisation: active units that do not take part,
     * and participants that have units under them now (label, units as "name (code)", their count).
     */
    static List<Line> driftWarnings(ReportResponse.Coverage coverage, Language l) {
        List<Line> lines = new ArrayList<>();
        if (coverage.notParticipating() != null && !coverage.notParticipating().isEmpty()) {
            lines.add(new Line(l.pick("警告: 対象外の部署", "Warning: not taking part"),
                    units(coverage.notParticipating(), l), coverage.notParticipating().size()));
        }
        if (coverage.participantsWithChildren() != null && !coverage.participantsWithChildren().isEmpty()) {
            lines.add(new Line(l.pick("警告: 下位の部署ができた対象", "Warning: participants with units under them"),
                    units(coverage.participantsWithChildren(), l), coverage.participantsWithChildren().size()));
        }
        return lines;
    }

    private static String units(List<? extends UnitNamed> units, Language l) {
        return units.stream().map(u -> u.name() + " (" + u.code() + ")").collect(Collectors.joining(l.pick("、", ", ")));
    }

    /** Why a policy has no score, in the document's language, naming units by name and code. */
    static String reason(ReportResponse.PolicyScore score, Language l) {
        if (score.missingHeadcount() != null && !score.missingHeadcount().isEmpty()) {
            return l.pick("人数が未登録の部署: ", "Units without a headcount: ") + units(score.missingHeadcount(), l);
        }
        return l.pick("まだ提出がありません", "No sheet submitted yet");
    }

    /** "、ほか12件" after a list that names the first ones only; nothing when it names them all. */
    static String more(long rest, Language l) {
        return rest <= 0 ? "" : l.pick("、ほか" + rest + "件", ", and " + rest + " more");
    }

    static String pick(Language l, Catalog.Text text) {
        return l.pick(text.ja(), text.en());
    }
}
