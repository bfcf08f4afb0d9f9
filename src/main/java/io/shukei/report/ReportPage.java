package io.shukei.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.shukei.catalog.BandView;
import io.shukei.catalog.Catalog;
import io.shukei.catalog.Labels;
import io.shukei.people.Audience;
import io.shukei.round.RoundStatus;
import io.shukei.tally.Answer;
import io.shukei.tally.Band;
import io.shukei.tally.Policy;

/**
 * What the printable report shows, read from the report: its sections as the template walks them, the labels
 * of its codes and the advice beside its questions. Every text is one the template escapes.
 */
record ReportPage(ReportResponse report, String organisationName, Advice advice, Catalog catalog) {

    /** The symbols of the heatmap, readable in black and white. */
    private static final Map<Answer, String> SYMBOLS = Map.of(
            Answer.IMPLEMENTED, "○", Answer.PARTIAL, "△", Answer.NOT_IMPLEMENTED, "×", Answer.UNKNOWN, "?");

    /** One row of the table of policies. */
    record PolicyRow(Catalog.Text name, Catalog.Text how, ReportResponse.PolicyScore score, boolean used) {
    }

    /** A question with わからない answers and the units that gave them. */
    /** A question answered わからない: by how many units, and the first of them named. */
    record Finding(ReportResponse.QuestionResult question, int count, List<ReportResponse.UnknownAnswer> units) {

        /** How many units answered わからない beyond those named. */
        public int more() {
            return count - units.size();
        }
    }

    /** A question whose points changed since the previous round. */
    record Change(ReportResponse.QuestionResult now, ReportResponse.QuestionChange before) {
    }

    /** A site in both rounds, or in one of them. */
    record SiteChange(String name, BigDecimal before, BigDecimal now, BigDecimal change, String coverageBefore,
                      String coverageNow) {
    }

    /** A cell of the heatmap. */
    record Cell(Answer answer, Catalog.Text label, String symbol) {
    }

    /** The part bars of the chart: 34 units apart, bars 480 wide for the part's maximum. */
    record Bars(int height, List<Bar> rows) {
    }

    record Bar(ReportResponse.PartResult part, int textY, int barY, long width) {
    }

    private static final int BAR_ROW = 34;
    private static final int BAR_WIDTH = 480;

    public String title() {
        return organisationName == null ? report.roundTitle() : organisationName + " " + report.roundTitle();
    }

    public boolean closed() {
        return report.roundStatus() == RoundStatus.CLOSED;
    }

    public boolean consolidated() {
        return report.policy() == Policy.CONSOLIDATED;
    }

    /** Whether a current approval signs the report (else the page leaves a blank to sign by hand). */
    public boolean approved() {
        return report.approvals().stream().anyMatch(ReportResponse.Approval::current);
    }

    /** The class of a change: fall, rise or none. */
    public String direction(BigDecimal change) {
        return change == null || change.signum() == 0 ? "" : change.signum() < 0 ? "fall" : "rise";
    }

    /** Why a policy has no score, in the reader's language. */
    public String reason(ReportResponse.PolicyScore score, Audience audience) {
        return ReportTables.reason(score, audience.language());
    }

    /** Warnings for an open round that differs from the organisation (as in the spreadsheets). */
    public List<ReportTables.Line> warnings(Audience audience) {
        return ReportTables.driftWarnings(report.coverage(), audience.language());
    }

    public Bars bars() {
        List<Bar> rows = new ArrayList<>();
        for (int i = 0; i < report.parts().size(); i++) {
            ReportResponse.PartResult p = report.parts().get(i);
            double share = p.score() == null ? 0 : Math.max(0, p.score().doubleValue()) / p.max();
            rows.add(new Bar(p, i * BAR_ROW + 23, i * BAR_ROW + 6, Math.round(BAR_WIDTH * share)));
        }
        return new Bars(rows.size() * BAR_ROW + 4, rows);
    }

    public Catalog.Text policyName() {
        return Labels.policy(report.policy());
    }

    public Catalog.Text policyHow() {
        return Labels.how(report.policy());
    }

    public Catalog.Text answer(Answer answer) {
        return Labels.answer(answer);
    }

    public Catalog.Text advice(int question) {
        return advice.forQuestion(question);
    }

    public Catalog.Text unknownAdvice() {
        return advice.unknown();
    }

    public Catalog.Text adviceNote() {
        return advice.note();
    }

    public List<BandView> bands() {
        return Arrays.stream(Band.values()).map(BandView::of).toList();
    }

    public List<PolicyRow> policies() {
        return Arrays.stream(Policy.values()).map(p -> new PolicyRow(Labels.policy(p), Labels.how(p),
                report.policies().get(p), p == report.policy())).toList();
    }

    /** Missing units beyond those the report names. */
    public long moreMissing() {
        return report.coverage().expected() - report.coverage().submitted() - report.coverage().missing().size();
    }

    public BigDecimal meanScore() {
        return report.policies().get(Policy.MEAN).score();
    }

    /** The questions answered わからない, in question order, with the units the report names. */
    public List<Finding> findings() {
        Map<Integer, List<ReportResponse.UnknownAnswer>> byQuestion = new LinkedHashMap<>();
        for (ReportResponse.UnknownAnswer u : report.unknowns()) {
            byQuestion.computeIfAbsent(u.question(), q -> new ArrayList<>()).add(u);
        }
        return report.toFindOut().stream().map(f -> new Finding(report.questions().get(f.question() - 1), f.units(),
                byQuestion.getOrDefault(f.question(), List.of()))).toList();
    }

    /** The questions whose points or answer changed since the previous round, most fallen first. */
    public List<Change> changes() {
        ReportResponse.YearOnYear before = report.previousRound();
        if (before == null) {
            return List.of();
        }
        return before.questions().stream()
                .filter(q -> q.change() != null && q.change().signum() != 0
                        || !Objects.equals(q.previousAnswer(), report.questions().get(q.number() - 1).answer()))
                .map(q -> new Change(report.questions().get(q.number() - 1), q))
                .sorted((x, y) -> x.before().change() == null || y.before().change() == null ? 0
                        : x.before().change().compareTo(y.before().change()))
                .toList();
    }

    /** The sites of this round and of the previous one, this round's first. */
    public List<SiteChange> siteChanges() {
        ReportResponse.YearOnYear before = report.previousRound();
        if (before == null) {
            return List.of();
        }
        Map<Long, ReportResponse.ChildChange> previous = new LinkedHashMap<>();
        before.children().forEach(c -> previous.put(c.unitId(), c));
        List<SiteChange> sites = new ArrayList<>();
        for (ReportResponse.ChildResult now : report.children()) {
            ReportResponse.ChildChange then = previous.remove(now.unitId());
            sites.add(new SiteChange(now.name(), then == null ? null : then.previous(), now.score(),
                    then == null ? null : then.change(),
                    then == null ? null : then.submitted() + " / " + then.expected(),
                    now.coverage().submitted() + " / " + now.coverage().expected()));
        }
        for (ReportResponse.ChildChange then : previous.values()) {
            sites.add(new SiteChange(then.name(), then.previous(), null, null, then.submitted() + " / " + then.expected(),
                    null));
        }
        return sites;
    }

    /** A row of the heatmap: a sheet, its 25 cells and its score. */
    record HeatRow(ReportDocument.SheetLine line, List<Cell> cells, int score) {

        static HeatRow of(ReportDocument.SheetLine line) {
            List<Cell> cells = cellsOf(line.sheet().answers());
            return new HeatRow(line, cells, cells.stream().mapToInt(c -> c.answer().points()).sum());
        }
    }

    /** The 25 cells of a sheet's row in the heatmap. */
    private static List<Cell> cellsOf(String answers) {
        List<Cell> cells = new ArrayList<>(answers.length());
        for (int i = 0; i < answers.length(); i++) {
            Answer a = Answer.ofLetter(answers.charAt(i));
            cells.add(new Cell(a, Labels.answer(a), SYMBOLS.get(a)));
        }
        return cells;
    }

    public List<Cell> legend() {
        return Arrays.stream(Answer.values()).map(a -> new Cell(a, Labels.answer(a), SYMBOLS.get(a))).toList();
    }
}
