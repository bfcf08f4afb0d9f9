package io.shukei.security;

/**
 * The authenticated party of a request.
 *
 * @param actorType  API_KEY, BOOTSTRAP, OIDC or SYSTEM
 * @param actorId    key id, OIDC subject, or a fixed name
 * @param scopePath  the path of the unit whose subtree the caller may act on; null means everything
 */
public record Caller(String actorType, String actorId, String actorName, Role role, Long unitId, String scopePath,
                     String remoteAddress) {

    /** Work the service does on its own (start-up, background jobs): not limited by a scope. */
    public static final Caller SYSTEM = new Caller("SYSTEM", "system", "system", Role.ADMIN, null, null, null);

    /** Who the caller is, the same for every request it makes (for limits kept per caller). */
    public String identity() {
        return actorType + ":" + actorId;
    }

    public boolean global() {
        return scopePath == null;
    }

    public boolean inScope(String unitPath) {
        return scopePath == null || (unitPath != null && unitPath.startsWith(scopePath));
    }
}
