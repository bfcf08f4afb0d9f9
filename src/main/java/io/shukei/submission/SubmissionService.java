package io.shukei.submission;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import io.shukei.catalog.BandView;
import io.shukei.http.ETags;
import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.language.Language;
import io.shukei.problem.Problem;
import io.shukei.problem.ProblemException;
import io.shukei.round.RoundService;
import io.shukei.security.Access;
import io.shukei.security.AuditService;
import io.shukei.tally.Answer;
import io.shukei.tally.Band;
import io.shukei.tally.Part;
import io.shukei.tally.Score;
import io.shukei.tally.Sheet;
import io.shukei.unit.Unit;
import io.shukei.unit.UnitNamed;
import io.shukei.unit.UnitService;
import io.shukei.unit.UnitSummary;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SubmissionService {

    private final SubmissionRepository submissions;
    private final RoundService rounds;
    private final UnitService units;
    private final SubmissionMetrics metrics;
    private final Access access;
    private final AuditService audit;
    private final Event<SheetStored> stored;

    SubmissionService(SubmissionRepository submissions, RoundService rounds, UnitService units, SubmissionMetrics metrics,
                      Access access, AuditService audit, Event<SheetStored> stored) {
        this.submissions = submissions;
        this.rounds = rounds;
        this.units = units;
        this.metrics = metrics;
        this.access = access;
        this.audit = audit;
        this.stored = stored;
    }

    /** The stored sheet and whether this call created it. */
    public record Outcome(SheetResponse sheet, boolean created) {
    }

    /**
     * Stores a whole sheet. The same sheet sent again changes nothing; a different one becomes the
     * next revision. Writers of one sheet are serialised by the participant lock, so revision
     * numbers never collide and no revision is lost.
     */
    @Transactional
    public Outcome put(long roundId, long unitId, SubmissionRequest request, String ifMatch) {
        Answer[] answers = complete(request);
        RoundService.SheetAdmission round = rounds.admitSheet(roundId, unitId);
        Sheet sheet = new Sheet(unitId, null, List.of(answers));
        Map<String, String> comments = comments(request);
        String respondent = request.respondent() == null ? null : request.respondent().strip();
        SubmissionRepository.CurrentSheet current = submissions.find(roundId, unitId).orElse(null);
        ETags.checkIfMatch(ifMatch, current == null ? null : current.revision());
        // The current revision (for its comments) is read only when answers and respondent are unchanged:
        // a changed sheet, the common case, needs one query less.
        if (current != null && current.answers().equals(sheet.letters()) && Objects.equals(current.respondent(), respondent)) {
            SubmissionRepository.Revision latest = submissions.revision(current.id(), current.revision());
            if (latest.comments().equals(comments)) {
                return new Outcome(view(roundId, unitId, current.submittedAt(), latest, round.unit().code(),
                        round.unit().name()), false);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean created = current == null;
        OffsetDateTime submittedAt = created ? now : current.submittedAt();
        SubmissionRepository.Revision revision = new SubmissionRepository.Revision(created ? 1 : current.revision() + 1,
                sheet.letters(), comments, sheet.score(), respondent, round.catalogVersion(), now);
        submissions.store(created ? null : current.id(), roundId, unitId, submittedAt, revision);
        metrics.received();
        audit.record(created ? "submission.created" : "submission.updated", "submission", roundId + "/" + unitId,
                unitId, round.unit().path(), created ? null : revision.revision() - 1, revision.revision());
        stored.fire(new SheetStored(round, revision.revision(), created));
        return new Outcome(view(roundId, unitId, submittedAt, revision, round.unit().code(), round.unit().name()), created);
    }

    public SheetResponse get(long roundId, long unitId) {
        SubmissionRepository.CurrentSheet current = require(roundId, unitId);
        UnitSummary unit = named(roundId, unitId);
        return view(roundId, unitId, current.submittedAt(), submissions.revision(current.id(), current.revision()),
                unit.code(), unit.name());
    }

    Page<SheetResponse> history(long roundId, long unitId, PageParams paging) {
        SubmissionRepository.CurrentSheet current = require(roundId, unitId);
        UnitSummary unit = named(roundId, unitId);
        List<SheetResponse> items = submissions.history(current.id(), paging.offset(), paging.size).stream()
                .map(r -> view(roundId, unitId, current.submittedAt(), r, unit.code(), unit.name())).toList();
        return Page.of(items, paging, submissions.countHistory(current.id()));
    }

    /** The unit as the round names it (its picture: as it was at the close of a closed round). */
    private UnitSummary named(long roundId, long unitId) {
        Unit unit = units.require(unitId);
        return rounds.pictured(roundId, unitId).map(p -> new UnitSummary(unitId, p.code(), p.name(), p.path()))
                .orElseGet(() -> new UnitSummary(unitId, unit.code, unit.name, unit.path));
    }

    /** One page of a round's current sheets, in tree order. */
    Page<SheetResponse> list(long roundId, PageParams paging) {
        rounds.require(roundId);
        String visible = access.scopePrefix();
        List<SheetResponse> items = submissions.current(roundId, visible, paging.offset(), paging.size).stream()
                .map(c -> view(roundId, c)).toList();
        return Page.of(items, paging, submissions.countCurrent(roundId, visible));
    }

    /**
     * Every current sheet of a round, for the CSV export: the round is checked, then {@code started} runs (the
     * response's headers may go), then the sheets are handed on one at a time as they are read.
     */
    @Transactional
    @TransactionConfiguration(timeout = SubmissionRepository.EXPORT_SECONDS)
    void each(long roundId, Runnable started, Consumer<SheetResponse> each) {
        rounds.require(roundId);
        String visible = access.scopePrefix();
        started.run();
        submissions.eachCurrent(roundId, visible, c -> each.accept(view(roundId, c)));
    }

    private SubmissionRepository.CurrentSheet require(long roundId, long unitId) {
        rounds.require(roundId);
        Unit unit = units.require(unitId);
        return submissions.find(roundId, unitId).orElseThrow(() -> new ProblemException(404, "/problems/not-found",
                "Not found", "Unit " + UnitNamed.label(unit.code, unit.name, Language.EN) + " has not submitted in round "
                + roundId, null).inJapanese(UnitNamed.label(unit.code, unit.name, Language.JA) + "は診断 " + roundId
                + " にまだ回答していません。"));
    }

    /** Checks that questions 1..25 are each answered exactly once; returns the answers in question order. */
    private static Answer[] complete(SubmissionRequest request) {
        Answer[] answers = new Answer[Part.QUESTIONS];
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.answers().size(); i++) {
            int q = request.answers().get(i).question();
            if (answers[q - 1] != null) {
                errors.add(new Problem.FieldError("answers[" + i + "].question", "question " + q + " is answered more than once"));
            }
            answers[q - 1] = request.answers().get(i).answer();
        }
        List<Integer> missing = new ArrayList<>();
        for (int q = 1; q <= Part.QUESTIONS; q++) {
            if (answers[q - 1] == null) {
                missing.add(q);
            }
        }
        if (!missing.isEmpty()) {
            errors.add(new Problem.FieldError("answers", "questions not answered: "
                    + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return answers;
    }

    private static Map<String, String> comments(SubmissionRequest request) {
        Map<String, String> comments = new TreeMap<>();
        for (SubmissionRequest.Item item : request.answers()) {
            if (item.comment() != null && !item.comment().isBlank()) {
                comments.put(String.valueOf(item.question()), item.comment().strip());
            }
        }
        return comments;
    }

    private static SheetResponse view(long roundId, SubmissionRepository.Listed listed) {
        return view(roundId, listed.unitId(), listed.submittedAt(), listed.revision(), listed.unitCode(), listed.unitName());
    }

    private static SheetResponse view(long roundId, long unitId, OffsetDateTime submittedAt,
                                      SubmissionRepository.Revision revision, String unitCode, String unitName) {
        Sheet sheet = Sheet.of(unitId, null, revision.answers());
        List<SheetResponse.PartScore> parts = Part.ALL.stream()
                .map(p -> new SheetResponse.PartScore(p.number(), sheet.partScore(p), p.maxPoints())).toList();
        List<SheetResponse.AnswerView> answers = new ArrayList<>(Part.QUESTIONS);
        List<Integer> unknown = new ArrayList<>();
        for (int q = 1; q <= Part.QUESTIONS; q++) {
            Answer a = sheet.answer(q);
            answers.add(new SheetResponse.AnswerView(q, a, a.points(), revision.comments().get(String.valueOf(q))));
            if (a == Answer.UNKNOWN) {
                unknown.add(q);
            }
        }
        return new SheetResponse(roundId, unitId, unitCode, unitName, revision.revision(), revision.respondent(),
                revision.catalogVersion(), revision.score(), BandView.of(Band.of(Score.of(revision.score()))), parts,
                answers, unknown, submittedAt, revision.createdAt());
    }
}
