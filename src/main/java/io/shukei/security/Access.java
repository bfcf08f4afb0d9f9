package io.shukei.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.shukei.problem.ProblemException;

/**
 * Object-level authorisation: whether the request's caller may see or change something that
 * belongs to a unit. Anything outside the caller's subtree, read or written, looks exactly like a
 * missing object (404), so ids of other organisations cannot be probed. 403 is left for what the caller
 * can see but not change (a round seen through one of its participants, whose scope lies higher).
 */
@ApplicationScoped
public class Access {

    private final CurrentCaller current;

    Access(CurrentCaller current) {
        this.current = current;
    }

    public Caller caller() {
        if (!Arc.container().requestContext().isActive()) {
            return Caller.SYSTEM;
        }
        Caller caller = current.get();
        return caller == null ? Caller.SYSTEM : caller;
    }

    /**
     * Lets a request that was authenticated otherwise than by the API's filter (an invitation link, a page's
     * session) act as the given caller; the first caller of a request is the one it keeps.
     */
    public void actAs(Caller caller) {
        if (current.get() == null) {
            current.set(caller);
        } else if (!current.get().equals(caller)) {
            throw new IllegalStateException("A request acts for one caller only");
        }
    }

    /** The path prefix every visible unit starts with ("/" for a global caller). */
    public String scopePrefix() {
        Caller caller = caller();
        return caller.global() ? "/" : caller.scopePath();
    }

    public boolean canSee(String unitPath) {
        return caller().inScope(unitPath);
    }

    /** 404 unless the caller's scope holds the unit, for a read or a write alike. */
    public void requireVisible(String unitPath, String what, Object id) {
        if (!canSee(unitPath)) {
            throw ProblemException.notFound(what, id);
        }
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "/problems/forbidden", "Forbidden", detail, null);
    }
}
