package io.shukei.submission;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

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
class SubmissionService {

    private final SubmissionRepository submissions;
    private final SubmissionRevisionRepository revisions;
    private final RoundService rounds;
    private final UnitService units;
    private final SubmissionMetrics metrics;
    private final Access access;
    private final AuditService audit;
    private final Event<SheetStored> stored;

    SubmissionService(SubmissionRepository submissions, SubmissionRevisionRepository revisions, RoundService rounds,
                      UnitService units, SubmissionMetrics metrics, Access access, AuditService audit, Event<SheetStored> stored) {
        this.submissions = submissions;
        this.revisions = revisions;
        this.rounds = rounds;
        this.units = units;
        this.metrics = metrics;
        this.access = access;
        this.audit = audit;
        this.stored = stored;
    }

    /** The stored sheet and whether this call created it. */
    record Outcome(SheetResponse sheet, boolean created) {
    }

    /**
     * Stores a whole sheet. The same sheet sent again changes nothing; a different one becomes the
     * next revision. Writers of one sheet are serialised by the participant lock, so revision
     * numbers never collide and no revision is lost.
     */
    @Transactional
    Outcome put(long roundId, long unitId, SubmissionRequest request, String ifMatch) {
        Answer[] answers = complete(request);
        RoundService.SheetAdmission round = rounds.admitSheet(roundId, unitId);
        Sheet sheet = new Sheet(unitId, null, List.of(answers));
        Map<String, String> comments = comments(request);
        String respondent = request.respondent() == null ? null : request.respondent().strip();
        Submission current = submissions.find(roundId, unitId).orElse(null);
        ETags.checkIfMatch(ifMatch, current == null ? null : current.revision);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (current != null) {
            // The current revision (for its comments) is read only when answers and respondent are unchanged:
            // a changed sheet, the common case, needs one query less.
            if (current.answers.equals(sheet.letters()) && Objects.equals(current.respondent, respondent)) {
                SubmissionRevision latest = revisions.find(current.id, current.revision);
                if (latest.comments.equals(comments)) {
                    return new Outcome(view(current, latest, round.unit().code(), round.unit().name()), false);
                }
            }
        } else {
            current = new Submission();
            current.roundId = roundId;
            current.unitId = unitId;
            current.createdAt = now;
            current.revision = 0;
        }
        current.revision++;
        current.answers = sheet.letters();
        current.score = sheet.score();
        current.respondent = respondent;
        current.catalogVersion = round.catalogVersion();
        current.updatedAt = now;
        boolean created = current.id == null;
        submissions.store(current, comments);
        // The stored revision as a value, for the response.
        SubmissionRevision revision = new SubmissionRevision();
        revision.submissionId = current.id;
        revision.revision = current.revision;
        revision.answers = current.answers;
        revision.comments = comments;
        revision.score = current.score;
        revision.respondent = respondent;
        revision.catalogVersion = current.catalogVersion;
        revision.createdAt = now;
        metrics.received();
        audit.record(created ? "submission.created" : "submission.updated", "submission", roundId + "/" + unitId,
                unitId, round.unit().path(), created ? null : current.revision - 1, current.revision);
        stored.fire(new SheetStored(round, current.revision, created));
        return new Outcome(view(current, revision, round.unit().code(), round.unit().name()), created);
    }

    SheetResponse get(long roundId, long unitId) {
        Submission current = require(roundId, unitId);
        UnitSummary unit = named(roundId, unitId);
        return view(current, revisions.find(current.id, current.revision), unit.code(), unit.name());
    }

    Page<SheetResponse> history(long roundId, long unitId, PageParams paging) {
        Submission current = require(roundId, unitId);
        UnitSummary unit = named(roundId, unitId);
        List<SheetResponse> items = revisions.history(current.id, io.quarkus.panache.common.Page.of(paging.page, paging.size))
                .stream().map(r -> view(current, r, unit.code(), unit.name())).toList();
        return Page.of(items, paging, revisions.countHistory(current.id));
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
                .map(c -> view(c.submission(), c.revision(), c.unitCode(), c.unitName())).toList();
        return Page.of(items, paging, submissions.countCurrent(roundId, visible));
    }

    /** Every current sheet of a round, for the CSV export; a round holds at most one sheet per participant. */
    List<SheetResponse> all(long roundId) {
        rounds.require(roundId);
        return submissions.current(roundId, access.scopePrefix(), 0, Integer.MAX_VALUE).stream()
                .map(c -> view(c.submission(), c.revision(), c.unitCode(), c.unitName())).toList();
    }

    private Submission require(long roundId, long unitId) {
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

    private static SheetResponse view(Submission current, SubmissionRevision revision, String unitCode, String unitName) {
        Sheet sheet = Sheet.of(current.unitId, null, revision.answers);
        List<SheetResponse.PartScore> parts = Part.ALL.stream()
                .map(p -> new SheetResponse.PartScore(p.number(), sheet.partScore(p), p.maxPoints())).toList();
        List<SheetResponse.AnswerView> answers = new ArrayList<>(Part.QUESTIONS);
        List<Integer> unknown = new ArrayList<>();
        for (int q = 1; q <= Part.QUESTIONS; q++) {
            Answer a = sheet.answer(q);
            answers.add(new SheetResponse.AnswerView(q, a, a.points(), revision.comments.get(String.valueOf(q))));
            if (a == Answer.UNKNOWN) {
                unknown.add(q);
            }
        }
        return new SheetResponse(current.roundId, current.unitId, unitCode, unitName, revision.revision,
                revision.respondent, revision.catalogVersion, revision.score, BandView.of(Band.of(Score.of(revision.score))),
                parts, answers, unknown, current.createdAt, revision.createdAt);
    }
}
