package io.shukei.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import io.shukei.config.ShukeiConfig;
import io.shukei.http.RateLimiter;
import io.shukei.problem.ProblemException;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Each caller's quota of API requests (shukei.rate-limit.*): an API key or token by its identity, a request
 * without valid credentials by the client's address, so that guessing keys is limited too. Every answer to a
 * counted request says what is left (RateLimit, RateLimit-Policy of draft-ietf-httpapi-ratelimit-headers); a
 * request over the quota gets 429 with Retry-After and changes nothing.
 */
@ApplicationScoped
class ApiRateLimit {

    private static final String DECISION = ApiRateLimit.class.getName();
    private static final String NAME = "\"api\"";

    private final RateLimiter limiter;
    private final String policy;

    ApiRateLimit(ShukeiConfig config) {
        ShukeiConfig.RateLimit limit = config.rateLimit();
        this.limiter = new RateLimiter(limit.requests(), limit.window(), limit.maxCallers());
        this.policy = NAME + ";q=" + limit.requests() + ";w=" + Math.max(1, limit.window().toSeconds());
    }

    void take(ContainerRequestContext request, String key) {
        RateLimiter.Decision decision = limiter.acquire(key);
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            throw new ProblemException(429, "/problems/too-many-requests", "Too many requests",
                    "The quota of " + limiter.permits() + " requests per " + limiter.window().toSeconds()
                            + " s is used up; retry in " + decision.retryAfterSeconds() + " s", null)
                    .inJapanese("リクエストの上限（" + limiter.window().toSeconds() + " 秒あたり " + limiter.permits()
                            + " 件）に達しました。" + decision.retryAfterSeconds() + " 秒後に再試行してください")
                    .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
        }
    }

    @ServerResponseFilter
    void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            response.getHeaders().putSingle("RateLimit-Policy", policy);
            response.getHeaders().putSingle("RateLimit",
                    NAME + ";r=" + decision.remaining() + ";t=" + decision.untilFullSeconds());
        }
    }
}
