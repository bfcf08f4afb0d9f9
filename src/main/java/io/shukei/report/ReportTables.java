package io.shukei.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.shukei.catalog.Catalog;
import io.shukei.export.Downloads;
import io.shukei.language.Language;
import io.shukei.tally.Answer;
import io.shukei.tally.Part;
import io.shukei.tally.Policy;
import io.shukei.unit.UnitNamed;

/**
 * The rows both spreadsheet forms (CSV and xlsx) are made of, built once from the report so the
 * forms cannot disagree. Numbers stay numbers; free texts are neutralised against formula injection.
 */
final class ReportTables {

    private ReportTables() {
    }

    /** One summary line: a label, its value and, for part subtotals, the maximum. */
    record Line(String label, Object value, Object extra) {
    }

    static List<Line> summary(ReportService.ReportDocument document, Language l) {
        ReportResponse r = document.report();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(l.pick("組織", "Organisation"), Downloads.text(document.organisationName()), null));
        lines.add(new Line(l.pick("診断", "Round"), Downloads.text(r.roundTitle()), r.roundStatus().name()));
        lines.add(new Line(l.pick("集計対象", "Unit tallied"), Downloads.text(r.unitName()), Downloads.text(r.unitCode())));
        lines.add(new Line(l.pick("集計方法", "Policy"), r.policy().name(), null));
        lines.add(new Line(l.pick("点数", "Score"), r.score(), null));
        lines.add(new Line(l.pick("判定", "Situation"), r.band() == null ? null : pick(l, r.band().situation()), null));
        lines.add(new Line(l.pick("次の一手", "Next step"), r.band() == null ? null : pick(l, r.band().nextStep()), null));
        lines.add(new Line(l.pick("提出済み / 対象", "Submitted / expected"), r.coverage().submitted(), r.coverage().expected()));
        lines.add(new Line(l.pick("未提出", "Missing"), r.coverage().missing().stream()
                .map(m -> Downloads.text(m.name()) + " (" + m.code() + ")").collect(Collectors.joining(l.pick("、", ", "))), null));
        for (Line warning : driftWarnings(r.coverage(), l)) {
            lines.add(new Line(warning.label(), Downloads.text((String) warning.value()), warning.extra()));
        }
        for (ReportResponse.PartResult p : r.parts()) {
            lines.add(new Line(l.pick("パート", "Part ") + p.part() + " " + pick(l, p.title()), p.score(), p.max()));
        }
        for (Policy p : Policy.values()) {
            ReportResponse.PolicyScore score = r.policies().get(p);
            lines.add(new Line(l.pick("集計方法別 ", "Policy ") + p.name(),
                    score.score() != null ? score.score() : Downloads.text(reason(score, l)), p == r.policy() ? l.pick("採用", "used") : null));
        }
        for (ReportResponse.UnknownAnswer u : r.unknowns()) {
            lines.add(new Line(l.pick("わからない 設問", "Don't know, question ") + u.question(),
                    Downloads.text(u.name()), Downloads.text(u.code())));
        }
        lines.add(new Line(l.pick("設問の版", "Catalog version"), r.catalogVersion(), r.catalogId()));
        lines.add(new Line(l.pick("作成日時", "Generated at"), r.generatedAt().toString(), null));
        return lines;
    }

    static List<String> answerHeader(Language l) {
        return List.of(l.pick("部署コード", "Unit code"), l.pick("部署名", "Unit name"), l.pick("回答者", "Respondent"),
                l.pick("版", "Revision"), l.pick("設問", "Question"), l.pick("パート", "Part"),
                l.pick("回答コード", "Answer code"), l.pick("回答", "Answer"), l.pick("点数", "Points"),
                l.pick("コメント", "Comment"));
    }

    /** One row per unit and question, in tree then question order. */
    static Iterable<List<Object>> answerRows(ReportService.ReportDocument document, Language l) {
        // Made as they are written: a 10,000-unit round has 250,000 of them.
        return () -> document.sheets().stream()
                .flatMap(sheet -> IntStream.rangeClosed(1, Part.QUESTIONS).mapToObj(q -> answerRow(sheet, q, l)))
                .iterator();
    }

    private static List<Object> answerRow(ReportRepository.SheetRow sheet, int q, Language l) {
        Answer a = Answer.ofLetter(sheet.answers().charAt(q - 1));
        return Arrays.asList(Downloads.text(sheet.code()), Downloads.text(sheet.name()), Downloads.text(sheet.respondent()),
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

    static String pick(Language l, Catalog.Text text) {
        return l.pick(text.ja(), text.en());
    }
}
