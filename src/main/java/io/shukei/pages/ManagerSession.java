package io.shukei.pages;

import jakarta.enterprise.context.RequestScoped;

import io.shukei.security.Secrets;
import io.shukei.security.WebSessions;

/** The signed-in manager of a request to /manage (set by {@link ManagerSessionFilter}). */
@RequestScoped
class ManagerSession {

    private WebSessions.Session session;

    WebSessions.Session get() {
        return session;
    }

    /** Checks a form's CSRF token against the session's. */
    boolean tokenMatches(String presented) {
        return Secrets.same(presented, session.csrfToken());
    }

    void set(WebSessions.Session session) {
        this.session = session;
    }
}
