package io.shukei.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shukei.config.ShukeiConfig;

/**
 * Sessions of the manager's pages. Signing in with a key or through the identity provider gives a random cookie
 * value (only its SHA-256 is stored) and a CSRF token for the forms. A session ends on sign-out, after the idle
 * timeout, at its maximum age, and at once when its key is revoked or expires; it acts with the same role and
 * scope as the key or token it was made from.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WebSessions {

    /** The session cookie's name. */
    public static final String COOKIE = "shukei_session";

    private final WebSessionRepository sessions;
    private final ApiKeyService keys;
    private final OidcCallers oidc;
    private final UnitPathRepository unitPaths;
    private final Access access;
    private final AuditService audit;
    private final Duration idleTimeout;
    private final Duration maxAge;

    WebSessions(WebSessionRepository sessions, ApiKeyService keys, OidcCallers oidc, UnitPathRepository unitPaths,
                Access access, AuditService audit, ShukeiConfig config) {
        this.sessions = sessions;
        this.keys = keys;
        this.oidc = oidc;
        this.unitPaths = unitPaths;
        this.access = access;
        this.audit = audit;
        this.idleTimeout = config.sessions().idleTimeout();
        this.maxAge = config.sessions().maxAge();
    }

    /** A new session: the cookie's value (shown to the browser only) and how long the cookie may live. */
    public record Started(String cookieValue, Duration maxAge) {
    }

    /** A session in use: its CSRF token and who acts through it. */
    public record Session(String csrfToken, Caller caller) {
    }

    /** Signs in with an API key (or the bootstrap key); a 401 problem for a key that is not usable. */
    @Transactional
    public Started signInWithKey(String key, String remoteAddress) {
        Caller caller = keys.authenticate(key.strip(), remoteAddress);
        Long keyId = "API_KEY".equals(caller.actorType()) ? Long.valueOf(caller.actorId()) : null;
        return start(caller, keyId);
    }

    /** Signs in the person the identity provider has just authenticated (authorization code flow). */
    @Transactional
    public Started signInWithIdentityProvider(String remoteAddress) {
        return start(oidc.authenticate(remoteAddress), null);
    }

    public boolean identityProviderEnabled() {
        return oidc.enabled();
    }

    private Started start(Caller caller, Long keyId) {
        OffsetDateTime now = now();
        sessions.deleteEnded(now, now.minus(idleTimeout));
        String value = Secrets.random(32);
        sessions.insert(Secrets.sha256(value), Secrets.random(32), caller, keyId, now, now.plus(maxAge));
        access.actAs(caller);
        audit.record("session.signed-in", "session", caller.actorType() + ":" + caller.actorId(), caller.unitId(),
                caller.scopePath(), null, null);
        return new Started(value, maxAge);
    }

    /**
     * The session a cookie names, if it is still usable; the request then acts as its caller. Its idle time starts
     * again (recorded at most once a minute).
     */
    @Transactional
    public Optional<Session> resume(String cookieValue, String remoteAddress) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        Optional<WebSessionRepository.Row> found = sessions.findUsable(Secrets.sha256(cookieValue), now,
                now.minus(idleTimeout));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WebSessionRepository.Row row = found.get();
        Optional<Caller> caller = callerOf(row, remoteAddress);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        if (row.lastSeenAt().isBefore(now.minusMinutes(1))) {
            sessions.touch(row.id(), now);
        }
        access.actAs(caller.get());
        return Optional.of(new Session(row.csrfToken(), caller.get()));
    }

    private Optional<Caller> callerOf(WebSessionRepository.Row row, String remoteAddress) {
        return switch (row.actorType()) {
            case "API_KEY" -> keys.callerOfKey(row.apiKeyId(), remoteAddress);
            case "BOOTSTRAP" -> keys.bootstrapCaller(remoteAddress);
            case "OIDC" -> (row.unitId() == null ? Optional.<String>empty() : unitPaths.find(row.unitId()))
                    .map(path -> new Caller("OIDC", row.actorId(), row.actorName(), row.role(), row.unitId(), path,
                            remoteAddress));
            default -> Optional.empty();
        };
    }

    /** Ends the session of the cookie, if there is one. */
    @Transactional
    public void signOut(String cookieValue) {
        if (cookieValue != null && !cookieValue.isBlank() && cookieValue.length() <= 100) {
            sessions.delete(Secrets.sha256(cookieValue));
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
