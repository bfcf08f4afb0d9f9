package io.shukei.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.shukei.catalog.Catalog;
import io.shukei.config.ShukeiConfig;
import io.shukei.http.RateLimiter;
import io.shukei.invitation.InvitationService;
import io.shukei.invitation.LinkState;
import io.shukei.language.Language;
import io.shukei.problem.ProblemException;
import io.shukei.report.Advice;
import io.shukei.round.RoundResponse;
import io.shukei.round.RoundService;
import io.shukei.round.RoundUnit;
import io.shukei.security.Secrets;
import io.shukei.submission.SheetResponse;
import io.shukei.submission.SubmissionRequest;
import io.shukei.submission.SubmissionService;
import io.shukei.tally.Answer;
import io.shukei.tally.Part;
import io.vertx.core.http.HttpServerRequest;

/**
 * A department head's answer page, opened by the unit's personal link: IPA's 25 questions as plain radio buttons,
 * stored by the same service code as the API (validation, revisions, If-Match, webhooks, audit). After a sheet is
 * stored it shows the score, the band and what to improve, and takes corrections until the round closes; then it
 * shows the sheet read-only. No script: every step is a plain form post. Requests to links are rate-limited per
 * client address; a link's secret appears in no log and no error.
 */
@Path("/i/{secret}")
@Produces(MediaType.TEXT_HTML)
public class AnswerResource {

    private static final List<Answer> ANSWERS = List.of(Answer.IMPLEMENTED, Answer.PARTIAL, Answer.NOT_IMPLEMENTED,
            Answer.UNKNOWN);

    private final InvitationService invitations;
    private final RoundService rounds;
    private final SubmissionService submissions;
    private final Catalog catalog;
    private final Advice advice;
    private final Validator validator;
    private final Page page;
    private final RateLimiter requests;

    AnswerResource(InvitationService invitations, RoundService rounds, SubmissionService submissions, Catalog catalog,
                   Advice advice, Validator validator, Page page, ShukeiConfig config) {
        this.invitations = invitations;
        this.rounds = rounds;
        this.submissions = submissions;
        this.catalog = catalog;
        this.advice = advice;
        this.validator = validator;
        this.page = page;
        this.requests = new RateLimiter(config.invitations().linkRequests(), config.invitations().linkWindow(), 100_000);
    }

    /** What the visitor typed, kept when the sheet could not be stored. */
    private record Typed(String respondent, Map<Integer, String> answers, Map<Integer, String> comments, int revision) {
    }

    /** Why the sheet was not stored: messages for the summary and the questions they concern. */
    private record Refusal(int status, List<String> messages, Set<Integer> questions, boolean respondent, String conflict) {
    }

    @GET
    public Response show(@PathParam("secret") String secret, @QueryParam("lang") String lang,
                         @QueryParam("saved") Integer saved, @CookieParam(Page.CSRF_COOKIE) String csrf,
                         HttpServerRequest http) {
        Language language = Page.language(lang);
        Opened opened = open(secret, language, http);
        if (opened.refusal() != null) {
            return opened.refusal();
        }
        InvitationService.Link link = opened.link();
        SheetResponse sheet = current(link);
        Typed typed = sheet == null ? new Typed(null, Map.of(), Map.of(), 0) : typedOf(sheet);
        return answerPage(200, link, secret, language, typed, sheet, null,
                saved == null ? null : Words.get("saved", language), csrf, http);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("secret") String secret, MultivaluedMap<String, String> form,
                           @CookieParam(Page.CSRF_COOKIE) String csrfCookie, HttpServerRequest http) {
        Language language = Page.language(form.getFirst("lang"));
        Opened opened = open(secret, language, http);
        if (opened.refusal() != null) {
            return opened.refusal();
        }
        InvitationService.Link link = opened.link();
        Typed typed = typedOf(form);
        if (!Secrets.same(form.getFirst("csrf"), csrfCookie)) {
            return answerPage(403, link, secret, language, typed, current(link),
                    new Refusal(403, List.of(Words.get("formExpired", language)), Set.of(), false, null), null, csrfCookie, http);
        }
        SheetResponse current = current(link);
        if (link.state() != LinkState.ANSWER) {
            return answerPage(409, link, secret, language, typed, current,
                    new Refusal(409, List.of(Words.get("closedNote", language)), Set.of(), false, null), null, csrfCookie, http);
        }
        // The page was opened on the revision it sends back (0: no sheet yet); a newer one is someone else's.
        int currentRevision = current == null ? 0 : current.revision();
        if (currentRevision != typed.revision()) {
            return conflict(link, secret, language, typed, current, csrfCookie, http);
        }
        SubmissionRequest request = requestOf(typed);
        Refusal invalid = validate(request, typed, language);
        if (invalid != null) {
            return answerPage(400, link, secret, language, typed, current, invalid, null, csrfCookie, http);
        }
        SubmissionService.Outcome outcome;
        try {
            outcome = submissions.put(link.roundId(), link.unitId(), request,
                    typed.revision() == 0 ? null : "\"" + typed.revision() + "\"");
        } catch (ProblemException problem) {
            if (problem.status() == 412) {
                return conflict(link, secret, language, typed, current(link), csrfCookie, http);
            }
            return answerPage(problem.status(), link, secret, language, typed, current,
                    new Refusal(problem.status(), List.of(problem.toProblem(language).detail()), Set.of(), false, null),
                    null, csrfCookie, http);
        }
        return Page.seeOther("/i/" + secret + "?saved=" + outcome.sheet().revision()
                + (language == Language.EN ? "&lang=en" : ""));
    }

    /** A link that opens something, or the page that refuses the request. */
    private record Opened(InvitationService.Link link, Response refusal) {
    }

    /** Counts the request against the client's limit, then looks the link up. */
    private Opened open(String secret, Language language, HttpServerRequest http) {
        RateLimiter.Decision decision = requests.acquire(Page.remote(http));
        if (!decision.allowed()) {
            return new Opened(null, Page.html(429, page.render("message.html", language, Map.of("title",
                            Words.get("tooMany", language), "text", Words.get("tooMany", language))))
                    .header("Retry-After", decision.retryAfterSeconds()).build());
        }
        Optional<InvitationService.Link> link = invitations.open(secret, Page.remote(http));
        if (link.isEmpty() || link.get().state() == LinkState.ENDED) {
            return new Opened(null, ended(link.isEmpty() ? 404 : 410, language));
        }
        return new Opened(link.get(), null);
    }

    private Response ended(int status, Language language) {
        return Page.html(status, page.render("message.html", language, Map.of("title", Words.get("linkInvalid", language),
                "text", Words.get("linkInvalidText", language)))).build();
    }

    private Response conflict(InvitationService.Link link, String secret, Language language, Typed typed,
                              SheetResponse current, String csrf, HttpServerRequest http) {
        int latest = current == null ? 0 : current.revision();
        // Sent again as it is, the form replaces the newer sheet: the visitor has been told and decides.
        Typed again = new Typed(typed.respondent(), typed.answers(), typed.comments(), latest);
        return answerPage(409, link, secret, language, again, current, new Refusal(409, List.of(),
                Set.of(), false, Words.get("conflict", language).replace("{0}", String.valueOf(latest))), null, csrf, http);
    }

    private SheetResponse current(InvitationService.Link link) {
        try {
            return submissions.get(link.roundId(), link.unitId());
        } catch (ProblemException none) {
            return null;
        }
    }

    private static Typed typedOf(SheetResponse sheet) {
        Map<Integer, String> answers = new HashMap<>();
        Map<Integer, String> comments = new HashMap<>();
        for (SheetResponse.AnswerView a : sheet.answers()) {
            answers.put(a.question(), a.answer().name());
            if (a.comment() != null) {
                comments.put(a.question(), a.comment());
            }
        }
        return new Typed(sheet.respondent(), answers, comments, sheet.revision());
    }

    private static Typed typedOf(MultivaluedMap<String, String> form) {
        Map<Integer, String> answers = new HashMap<>();
        Map<Integer, String> comments = new HashMap<>();
        for (int q = 1; q <= Part.QUESTIONS; q++) {
            String answer = form.getFirst("q" + q);
            if (answer != null && !answer.isBlank()) {
                answers.put(q, answer);
            }
            String comment = form.getFirst("c" + q);
            if (comment != null && !comment.isBlank()) {
                comments.put(q, comment);
            }
        }
        int revision;
        try {
            revision = Integer.parseInt(form.getFirst("revision"));
        } catch (NumberFormatException | NullPointerException e) {
            revision = -1;
        }
        return new Typed(form.getFirst("respondent"), answers, comments, revision);
    }

    /** The sheet as the API takes it: only questions with a known answer code; the rest are reported missing. */
    private static SubmissionRequest requestOf(Typed typed) {
        List<SubmissionRequest.Item> items = new ArrayList<>();
        for (int q = 1; q <= Part.QUESTIONS; q++) {
            Answer answer = answerOf(typed.answers().get(q));
            if (answer != null) {
                items.add(new SubmissionRequest.Item(q, answer, typed.comments().get(q)));
            }
        }
        String respondent = typed.respondent() == null || typed.respondent().isBlank() ? null : typed.respondent();
        return new SubmissionRequest(respondent, items);
    }

    private static Answer answerOf(String code) {
        return ANSWERS.stream().filter(a -> a.name().equals(code)).findFirst().orElse(null);
    }

    /** The API's own rules (Bean Validation of the request record), then every question answered. */
    private Refusal validate(SubmissionRequest request, Typed typed, Language language) {
        List<String> messages = new ArrayList<>();
        Set<Integer> questions = new TreeSet<>();
        boolean respondent = false;
        for (ConstraintViolation<SubmissionRequest> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString();
            if (path.startsWith("respondent")) {
                respondent = true;
                messages.add(Words.get("respondent", language) + ": " + violation.getMessage());
            } else if (path.startsWith("answers[")) {
                int q = request.answers().get(Integer.parseInt(path.substring(8, path.indexOf(']')))).question();
                questions.add(q);
                messages.add(Words.get("question", language) + " " + q + ": " + violation.getMessage());
            } else {
                messages.add(violation.getMessage());
            }
        }
        for (int q = 1; q <= Part.QUESTIONS; q++) {
            if (answerOf(typed.answers().get(q)) == null) {
                questions.add(q);
                messages.add(Words.get("question", language) + " " + q + ": " + Words.get("notAnswered", language));
            }
        }
        return messages.isEmpty() ? null : new Refusal(400, messages, questions, respondent, null);
    }

    private Response answerPage(int status, InvitationService.Link link, String secret, Language language, Typed typed,
                                SheetResponse sheet, Refusal refusal, String notice, String csrf, HttpServerRequest http) {
        RoundResponse round = rounds.get(link.roundId());
        Optional<RoundUnit> unit = rounds.pictured(link.roundId(), link.unitId());
        String parent = unit.map(RoundUnit::parentId).flatMap(p -> rounds.pictured(link.roundId(), p))
                .map(RoundUnit::name).orElse(null);
        String token = csrf == null || csrf.length() != 43 ? Secrets.random(32) : csrf;
        Map<String, Object> data = new HashMap<>();
        data.put("csrf", token);
        data.put("action", "/i/" + secret);
        data.put("roundTitle", round.title());
        data.put("due", round.dueDate() == null ? null : page.date(round.dueDate(), language));
        data.put("unitName", unit.map(RoundUnit::name).orElse(""));
        data.put("site", parent);
        data.put("writable", link.state() == LinkState.ANSWER);
        data.put("notice", notice);
        data.put("refusal", refusal);
        data.put("respondent", typed.respondent() == null ? "" : typed.respondent());
        data.put("revision", typed.revision() < 0 ? 0 : typed.revision());
        data.put("parts", parts(typed, refusal, language));
        data.put("result", sheet == null ? null : result(sheet, language));
        data.put("options", ANSWERS.stream().map(a -> Map.of("code", a.name(), "label", Words.get(a.name(), language))).toList());
        data.put("otherLangUrl", "/i/" + secret + (language == Language.JA ? "?lang=en" : ""));
        return Page.html(status, page.render("answer.html", language, data))
                .cookie(Page.cookie(Page.CSRF_COOKIE, token, "/", Page.secure(http), -1)).build();
    }

    private List<Map<String, Object>> parts(Typed typed, Refusal refusal, Language language) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Part part : Part.ALL) {
            List<Map<String, Object>> questions = new ArrayList<>();
            for (int q = part.firstQuestion(); q <= part.lastQuestion(); q++) {
                Catalog.Text text = catalog.question(q);
                Map<String, Object> question = new HashMap<>();
                question.put("number", q);
                question.put("text", language.pick(text.ja(), text.en()));
                question.put("answer", typed.answers().getOrDefault(q, ""));
                question.put("answerLabel", Optional.ofNullable(answerOf(typed.answers().get(q)))
                        .map(a -> Words.get(a.name(), language)).orElse("—"));
                question.put("comment", typed.comments().getOrDefault(q, ""));
                question.put("invalid", refusal != null && refusal.questions().contains(q));
                questions.add(question);
            }
            Catalog.Text title = catalog.partTitle(part.number());
            parts.add(Map.of("number", part.number(), "title", language.pick(title.ja(), title.en()), "questions", questions));
        }
        return parts;
    }

    /** The score, band, parts and the questions to improve first (fewest points first), with advice. */
    private Map<String, Object> result(SheetResponse sheet, Language language) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("score", sheet.score());
        result.put("band", sheet.band().code().name());
        result.put("situation", language.pick(sheet.band().situation().ja(), sheet.band().situation().en()));
        result.put("nextStep", language.pick(sheet.band().nextStep().ja(), sheet.band().nextStep().en()));
        result.put("revision", sheet.revision());
        result.put("revisedAt", page.dateTime(sheet.revisedAt(), language));
        result.put("parts", sheet.parts().stream().map(p -> Map.of("number", p.part(), "title",
                language.pick(catalog.partTitle(p.part()).ja(), catalog.partTitle(p.part()).en()), "score", p.score(),
                "max", p.max())).toList());
        result.put("unknown", !sheet.unknownQuestions().isEmpty());
        result.put("improve", sheet.answers().stream().filter(a -> a.answer() != Answer.IMPLEMENTED)
                .sorted(Comparator.comparingInt(SheetResponse.AnswerView::points)
                        .thenComparingInt(SheetResponse.AnswerView::question))
                .map(a -> Map.of("number", a.question(),
                        "text", language.pick(catalog.question(a.question()).ja(), catalog.question(a.question()).en()),
                        "answer", Words.get(a.answer().name(), language),
                        "advice", language.pick(advice.forQuestion(a.question()).ja(), advice.forQuestion(a.question()).en())))
                .toList());
        return result;
    }
}
