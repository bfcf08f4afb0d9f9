package io.shukei.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.shukei.export.Downloads;
import io.shukei.http.PageParams;
import io.shukei.invitation.InvitationRequests;
import io.shukei.invitation.InvitationResponse;
import io.shukei.invitation.InvitationService;
import io.shukei.language.Language;
import io.shukei.problem.ProblemException;
import io.shukei.round.RoundResponse;
import io.shukei.round.RoundService;
import io.shukei.round.RoundStatus;
import io.shukei.security.AccessRules;
import io.shukei.security.Role;
import io.shukei.security.WebSessions;
import io.shukei.trend.TrendResponse;
import io.shukei.trend.TrendService;
import io.vertx.core.http.HttpServerRequest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The manager's pages (after sign-in, see {@link SignInResource}): the rounds in scope, one round's progress with its answer links, the report's forms and a
 * unit's trend. The same services, roles and scopes as the API: a viewer reads, an admin also makes and revokes
 * links and closes and reopens rounds. Every form carries the session's CSRF token.
 */
@Path("/manage")
@Produces(MediaType.TEXT_HTML)
public class ManagerResource {

    private final RoundService rounds;
    private final InvitationService invitations;
    private final TrendService trends;
    private final WebSessions sessions;
    private final ManagerSession manager;
    private final Page page;

    ManagerResource(RoundService rounds, InvitationService invitations, TrendService trends, WebSessions sessions,
                    ManagerSession manager, Page page) {
        this.rounds = rounds;
        this.sessions = sessions;
        this.invitations = invitations;
        this.trends = trends;
        this.manager = manager;
        this.page = page;
    }

    @GET
    public Response manage(@QueryParam("lang") String lang) {
        return Page.seeOther("/manage/rounds" + Page.langQuery(Page.language(lang)));
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf, @FormParam("lang") String lang,
                            @CookieParam(WebSessions.COOKIE) String cookie, HttpServerRequest http) {
        Language language = Page.language(lang);
        checkForm(csrf, null);
        sessions.signOut(cookie);
        return Response.seeOther(java.net.URI.create("/manage/sign-in?out=true" + (language == Language.EN ? "&lang=en" : "")))
                .cookie(Page.cookie(WebSessions.COOKIE, "", "/", Page.secure(http), 0))
                .header("Cache-Control", "no-store").build();
    }


    @GET
    @Path("rounds")
    public Response rounds(@QueryParam("lang") String lang) {
        Language language = Page.language(lang);
        PageParams first = new PageParams();
        first.size = PageParams.MAX_SIZE;
        List<Map<String, Object>> items = new ArrayList<>();
        for (RoundResponse r : rounds.list(null, null, null, first).items()) {
            items.add(Map.of("id", r.id(), "title", r.title(), "status", Words.get(r.status().name(), language),
                    "due", r.dueDate() == null ? Words.get("noDueDate", language) : page.date(r.dueDate(), language),
                    "submitted", r.progress().submitted(), "expected", r.progress().expected()));
        }
        return Page.html(200, render("rounds.html", language, Map.of("rounds", items))).build();
    }

    @GET
    @Path("rounds/{id}")
    public Response round(@PathParam("id") long id, @QueryParam("lang") String lang) {
        Language language = Page.language(lang);
        return Page.html(200, render("round.html", language, roundData(id, language))).build();
    }

    /** Makes links: shown on a page (or as CSV for a mail merge) this once; mailed where the service sends mail. */
    @POST
    @Path("rounds/{id}/invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response makeLinks(@PathParam("id") long id, MultivaluedMap<String, String> form, @Context UriInfo uri) {
        Language language = Page.language(form.getFirst("lang"));
        checkForm(form.getFirst("csrf"), "createInvitations");
        List<InvitationRequests.Recipient> recipients = new ArrayList<>();
        for (String unit : form.getOrDefault("unit", List.of())) {
            String email = form.getFirst("email-" + unit);
            recipients.add(new InvitationRequests.Recipient(Long.valueOf(unit), email == null || email.isBlank() ? null : email));
        }
        List<InvitationResponse> made = recipients.isEmpty() ? List.of()
                : invitations.create(id, new InvitationRequests.Create(recipients), uri.getBaseUri().toString());
        if ("csv".equals(form.getFirst("format"))) {
            String name = "invitations-round-" + id + "-links.csv";
            return Response.ok(io.shukei.invitation.InvitationCsv.write(made), Downloads.CSV_UTF8)
                    .header("Content-Disposition", Downloads.attachment(name, name))
                    .header("Cache-Control", "no-store").build();
        }
        return linksPage(id, made, language);
    }

    @POST
    @Path("rounds/{id}/invitations/{invitation}/renew")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renew(@PathParam("id") long id, @PathParam("invitation") long invitation,
                          @FormParam("csrf") String csrf, @FormParam("lang") String lang) {
        checkForm(csrf, "renewInvitation");
        return linksPage(id, List.of(invitations.renew(id, invitation)), Page.language(lang));
    }

    @POST
    @Path("rounds/{id}/invitations/{invitation}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id, @PathParam("invitation") long invitation,
                           @FormParam("csrf") String csrf, @FormParam("lang") String lang) {
        checkForm(csrf, "revokeInvitation");
        invitations.revoke(id, invitation);
        return Page.seeOther("/manage/rounds/" + id + Page.langQuery(Page.language(lang)));
    }

    @POST
    @Path("rounds/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") long id, @FormParam("csrf") String csrf, @FormParam("lang") String lang) {
        return setStatus(id, RoundStatus.CLOSED, "closeRound", csrf, lang);
    }

    @POST
    @Path("rounds/{id}/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reopen(@PathParam("id") long id, @FormParam("csrf") String csrf, @FormParam("lang") String lang) {
        return setStatus(id, RoundStatus.OPEN, "reopenRound", csrf, lang);
    }

    private Response setStatus(long id, RoundStatus target, String operationId, String csrf, String lang) {
        checkForm(csrf, operationId);
        rounds.setStatus(id, target);
        return Page.seeOther("/manage/rounds/" + id + Page.langQuery(Page.language(lang)));
    }

    @GET
    @Path("units/{id}/trend")
    public Response trend(@PathParam("id") long id, @QueryParam("lang") String lang) {
        Language language = Page.language(lang);
        TrendResponse trend = trends.trend(id, null);
        List<Map<String, Object>> points = new ArrayList<>();
        for (TrendResponse.RoundPoint p : trend.rounds()) {
            Map<String, Object> point = new HashMap<>();
            point.put("id", p.roundId());
            point.put("title", p.title());
            point.put("status", Words.get(p.status().name(), language));
            point.put("score", p.score() == null ? Words.get("noScore", language) : p.score().toPlainString());
            point.put("band", p.band() == null ? "" : language.pick(p.band().situation().ja(), p.band().situation().en()));
            point.put("change", p.change() == null ? "—" : (p.change().signum() > 0 ? "+" : "") + p.change().toPlainString());
            point.put("submitted", p.submitted());
            point.put("expected", p.expected());
            points.add(point);
        }
        return Page.html(200, render("trend.html", language, Map.of("unitName", trend.unitName(), "points", points,
                "policy", trend.policy().name()))).build();
    }

    /** A refusal of the services as a page: the same status and the problem's words in the page's language. */
    @ServerExceptionMapper
    Response refused(ProblemException problem, UriInfo uri) {
        Language language = Page.language(uri.getQueryParameters().getFirst("lang"));
        String title = Words.get(problem.status() == 404 ? "notFound" : "forbidden", language);
        return Page.html(problem.status(), render("message.html", language,
                Map.of("title", title, "text", problem.toProblem(language).detail()))).build();
    }

    private Map<String, Object> roundData(long id, Language language) {
        RoundResponse round = rounds.get(id);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> withoutLink = new ArrayList<>();
        for (InvitationService.ParticipantProgress p : invitations.progress(id)) {
            Map<String, Object> row = new HashMap<>();
            row.put("unitId", p.unitId());
            row.put("name", p.name());
            row.put("site", p.parentName() == null ? "" : p.parentName());
            row.put("submitted", p.submittedAt() != null);
            row.put("submittedAt", page.dateTime(p.submittedAt(), language));
            row.put("revisedAt", page.dateTime(p.revisedAt(), language));
            row.put("revision", p.revision());
            row.put("score", p.score());
            row.put("invitationId", p.invitationId());
            row.put("linkUsable", p.linkUsable());
            row.put("issuedAt", page.dateTime(p.issuedAt(), language));
            row.put("mailedAt", page.dateTime(p.mailedAt(), language));
            row.put("mailError", p.mailError());
            row.put("email", p.email());
            rows.add(row);
            if (!p.linkUsable()) {
                withoutLink.add(row);
            }
        }
        Role role = manager.get().caller().role();
        Map<String, Object> data = new HashMap<>();
        data.put("round", Map.of("id", round.id(), "title", round.title(), "open", round.status() == RoundStatus.OPEN,
                "status", Words.get(round.status().name(), language),
                "due", round.dueDate() == null ? Words.get("noDueDate", language) : page.date(round.dueDate(), language),
                "submitted", round.progress().submitted(), "expected", round.progress().expected(),
                "scopeUnitId", round.scopeUnitId()));
        data.put("rows", rows);
        data.put("withoutLink", withoutLink);
        data.put("admin", AccessRules.allowed("createInvitations").contains(role));
        data.put("mail", invitations.mailEnabled());
        data.put("reportBase", "/api/v1/rounds/" + id + "/report?lang=" + language.tag() + "&format=");
        return data;
    }

    private Response linksPage(long id, List<InvitationResponse> made, Language language) {
        List<Map<String, Object>> links = new ArrayList<>();
        for (InvitationResponse i : made) {
            links.add(Map.of("unitId", i.unitId(), "name", i.unitName(), "site", i.parentName() == null ? "" : i.parentName(),
                    "url", i.url(), "email", i.email() == null ? "" : i.email()));
        }
        Map<String, Object> data = new HashMap<>();
        data.put("links", links);
        data.put("roundId", id);
        data.put("mail", invitations.mailEnabled());
        return Page.html(200, render("links.html", language, data)).build();
    }

    /** The session's CSRF token, and the role the operation needs (as the API's access rules give it), if any. */
    private void checkForm(String csrf, String operationId) {
        if (!manager.tokenMatches(csrf)) {
            throw new ProblemException(403, "/problems/forbidden", "Forbidden",
                    "The form has expired: open the page again and retry", null)
                    .inJapanese("フォームの有効期限が切れました。ページを開き直して、もう一度お試しください。");
        }
        Role role = manager.get().caller().role();
        if (operationId != null && !AccessRules.allowed(operationId).contains(role)) {
            throw new ProblemException(403, "/problems/forbidden", "Forbidden",
                    "The " + role + " role may not do this", null)
                    .inJapanese("この操作は " + role + " の権限ではできません。");
        }
    }

    private String render(String template, Language language, Map<String, Object> data) {
        Map<String, Object> all = new HashMap<>(data);
        all.put("csrf", manager.get().csrfToken());
        all.put("who", manager.get().caller().actorName());
        return page.render(template, language, all);
    }
}
