package io.shukei.security;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.shukei.config.ShukeiConfig;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Callers from an organisation's identity provider: a bearer JWT verified by Quarkus OIDC, whose
 * role and unit come from configurable claims. A token without both is refused, never given a default.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class OidcCallers {

    private final CurrentIdentityAssociation identity;
    private final UnitPathRepository unitPaths;
    private final boolean enabled;
    private final String roleClaim;
    private final String unitClaim;

    OidcCallers(CurrentIdentityAssociation identity, UnitPathRepository unitPaths, ShukeiConfig config) {
        this.identity = identity;
        this.unitPaths = unitPaths;
        this.enabled = config.oidc().enabled();
        this.roleClaim = config.oidc().roleClaim();
        this.unitClaim = config.oidc().unitClaim();
    }

    boolean enabled() {
        return enabled;
    }

    Caller authenticate(String remoteAddress) {
        SecurityIdentity verified;
        try {
            verified = identity.getDeferredIdentity().await().atMost(Duration.ofSeconds(10));
        } catch (RuntimeException invalid) {
            throw AuthenticationFilter.unauthenticated("The bearer token was not accepted by the identity provider");
        }
        if (verified == null || verified.isAnonymous() || !(verified.getPrincipal() instanceof JsonWebToken jwt)) {
            throw AuthenticationFilter.unauthenticated("The bearer token was not accepted by the identity provider");
        }
        Role role = claimedRole(jwt);
        Scope scope = claimedScope(jwt);
        return new Caller("OIDC", jwt.getSubject() == null ? jwt.getName() : jwt.getSubject(), jwt.getName(), role,
                scope.unitId(), scope.path(), remoteAddress);
    }

    private Role claimedRole(JsonWebToken jwt) {
        Object value = jwt.getClaim(roleClaim);
        String text = value == null ? null : value.toString().replace("\"", "");
        for (Role role : Role.values()) {
            if (role.name().equals(text)) {
                return role;
            }
        }
        throw Access.forbidden("The token's claim '" + roleClaim + "' names no Shukei role (ADMIN, RESPONDENT, VIEWER)");
    }

    /** The unit whose subtree a token's holder may act on. */
    private record Scope(long unitId, String path) {
    }

    private Scope claimedScope(JsonWebToken jwt) {
        Object value = jwt.getClaim(unitClaim);
        try {
            long unitId = Long.parseLong(String.valueOf(value).replace("\"", ""));
            return new Scope(unitId, unitPaths.find(unitId).orElseThrow());
        } catch (RuntimeException missing) {
            throw Access.forbidden("The token's claim '" + unitClaim + "' names no unit of this service");
        }
    }
}
