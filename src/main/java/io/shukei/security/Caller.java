package io.shukei.security;

/**
 * The authenticated party of a request.
 *
 * @param actorType  API_KEY, BOOTSTRAP, OIDC, INVITATION or SYSTEM
 * @param actorId    key id, OIDC subject, invitation id, or a fixed name
 * @param scopePath  the path of the unit whose subtree the caller may act on; null means everything
 */
public record Caller(String actorType, String actorId, String actorName, Role role, Long unitId, String scopePath,
                     String remoteAddress) {

    /** Work the service does on its own (start-up, background jobs): not limited by a scope. */
    public static final Caller SYSTEM = new Caller("SYSTEM", "system", "system", Role.ADMIN, null, null, null);

    /** Whoever opened a unit's invitation link: a respondent for that unit alone. */
    public static Caller invitation(long invitationId, String respondentName, long unitId, String unitPath,
                                    String remoteAddress) {
        return new Caller("INVITATION", String.valueOf(invitationId), respondentName, Role.RESPONDENT, unitId, unitPath,
                remoteAddress);
    }

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
