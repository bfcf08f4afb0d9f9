package io.shukei.pages;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.shukei.config.ShukeiConfig;
import io.shukei.http.RateLimiter;
import io.shukei.language.Language;
import io.shukei.problem.ProblemException;
import io.shukei.security.Secrets;
import io.shukei.security.WebSessions;
import io.vertx.core.http.HttpServerRequest;

/**
 * Signing in to the manager's pages: an API key pasted once into a form, or the identity provider's sign-in
 * (authorization code flow) where OIDC is configured. Either gives a session cookie. Attempts are limited per
 * client address.
 */
@Path("/manage/sign-in")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    private final WebSessions sessions;
    private final Page page;
    private final RateLimiter attempts;
    private final OidcSession identityProviderSession;

    SignInResource(WebSessions sessions, Page page, ShukeiConfig config, OidcSession identityProviderSession) {
        this.sessions = sessions;
        this.page = page;
        this.attempts = new RateLimiter(config.sessions().signInAttempts(), config.sessions().signInWindow(), 100_000);
        this.identityProviderSession = identityProviderSession;
    }

    @GET
    public Response form(@QueryParam("lang") String lang, @QueryParam("ended") @DefaultValue("false") boolean ended,
                         @QueryParam("out") @DefaultValue("false") boolean signedOut, @CookieParam(Page.CSRF_COOKIE) String csrf,
                         HttpServerRequest http) {
        Language language = Page.language(lang);
        String message = signedOut ? "signedOut" : ended ? "sessionEnded" : null;
        return signInPage(200, language, message, null, csrf, http);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("key") String key, @FormParam("csrf") String csrf, @FormParam("lang") String lang,
                           @CookieParam(Page.CSRF_COOKIE) String csrfCookie, HttpServerRequest http) {
        Language language = Page.language(lang);
        RateLimiter.Decision decision = attempts.acquire(Page.remote(http));
        if (!decision.allowed()) {
            return Response.fromResponse(signInPage(429, language, null, "tooMany", csrfCookie, http))
                    .header("Retry-After", decision.retryAfterSeconds()).build();
        }
        if (!Secrets.same(csrf, csrfCookie)) {
            return signInPage(403, language, null, "formExpired", csrfCookie, http);
        }
        if (key == null || key.isBlank() || key.length() > 500) {
            return signInPage(401, language, null, "signInFailed", csrfCookie, http);
        }
        WebSessions.Started started;
        try {
            started = sessions.signInWithKey(key, Page.remote(http));
        } catch (ProblemException refused) {
            return signInPage(401, language, null, "signInFailed", csrfCookie, http);
        }
        return Response.seeOther(java.net.URI.create("/manage/rounds" + Page.langQuery(language)))
                .cookie(Page.cookie(WebSessions.COOKIE, started.cookieValue(), "/", Page.secure(http),
                        (int) started.maxAge().toSeconds()))
                .header("Cache-Control", "no-store").build();
    }

    /**
     * Where the identity provider sends the browser back (the code flow's redirect path): the person it signed in
     * gets a session of this service, and Quarkus' own session cookie is dropped. The answer is a page that moves
     * on by itself: a SameSite=Strict cookie set after a redirect from another site is sent only on the next
     * navigation from this one.
     */
    @GET
    @Path("oidc")
    @Authenticated
    public Response identityProvider(@QueryParam("lang") String lang, HttpServerRequest http) {
        Language language = Page.language(lang);
        WebSessions.Started started;
        try {
            started = sessions.signInWithIdentityProvider(Page.remote(http));
        } catch (ProblemException refused) {
            identityProviderSession.logout().await().indefinitely();
            return Page.html(refused.status(), page.render("message.html", language, Map.of("title",
                    Words.get("forbidden", language), "text", refused.toProblem(language).detail()))).build();
        }
        identityProviderSession.logout().await().indefinitely();
        return Page.html(200, page.render("signed-in.html", language, Map.of("next", "/manage/rounds")))
                .cookie(Page.cookie(WebSessions.COOKIE, started.cookieValue(), "/", Page.secure(http),
                        (int) started.maxAge().toSeconds()))
                .build();
    }

    /** The sign-in form, with the anonymous CSRF token of its cookie (a new one when there is none). */
    private Response signInPage(int status, Language language, String notice, String error, String csrf,
                                HttpServerRequest http) {
        String token = csrf == null || csrf.length() != 43 ? Secrets.random(32) : csrf;
        Map<String, Object> data = new HashMap<>();
        data.put("csrf", token);
        data.put("notice", notice == null ? null : Words.get(notice, language));
        data.put("error", error == null ? null : Words.get(error, language));
        data.put("oidc", sessions.identityProviderEnabled());
        return Page.html(status, page.render("sign-in.html", language, data))
                .cookie(Page.cookie(Page.CSRF_COOKIE, token, "/", Page.secure(http), -1)).build();
    }
}
