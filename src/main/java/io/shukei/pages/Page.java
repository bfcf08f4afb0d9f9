package io.shukei.pages;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Engine;
import io.shukei.language.Language;
import io.shukei.people.Audiences;
import io.vertx.core.http.HttpServerRequest;

/** What every page needs: its template rendered in a language, cookies, local times, the client's address. */
@ApplicationScoped
class Page {

    /** The cookie of the anonymous forms' CSRF token (sign-in, answer pages); manager forms use the session's. */
    static final String CSRF_COOKIE = "shukei_csrf";
    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private final Engine engine;
    private final Audiences audiences;

    Page(Engine engine, Audiences audiences) {
        this.engine = engine;
        this.audiences = audiences;
    }

    /** A template of templates/pages in a language, with its data; {@code t} holds the page's words. */
    String render(String template, Language language, Map<String, Object> data) {
        Map<String, Object> all = new HashMap<>(data);
        all.put("t", Words.in(language));
        all.put("lang", language.tag());
        all.put("ja", language == Language.JA);
        return engine.getTemplate("pages/" + template).data(all).render();
    }

    /** A page that is never stored by a browser or proxy: pages hold people's answers and links. */
    static Response.ResponseBuilder html(int status, String body) {
        return Response.status(status).type(HTML).entity(body).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Japanese unless the page is asked for in English (?lang=en). */
    static Language language(String lang) {
        return Language.preferred(lang, null, Language.JA);
    }

    /** The query that keeps a page in English as the visitor moves on; empty for Japanese. */
    static String langQuery(Language language) {
        return language == Language.EN ? "?lang=en" : "";
    }

    /** TLS as the client sees it (X-Forwarded-Proto counts only when the proxy is trusted). */
    static boolean secure(HttpServerRequest http) {
        return http.isSSL() || "https".equalsIgnoreCase(http.scheme());
    }

    static String remote(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    /** A cookie only this service reads: HttpOnly, SameSite=Strict, Secure behind TLS; maxAge 0 deletes it. */
    static NewCookie cookie(String name, String value, String path, boolean secure, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(path).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    /** A moment in the service's time zone to the minute, in the page's language. */
    String dateTime(OffsetDateTime time, Language language) {
        return audiences.of(language).time(time);
    }

    String date(LocalDate date, Language language) {
        return audiences.of(language).date(date);
    }
}
