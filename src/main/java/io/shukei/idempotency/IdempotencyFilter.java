package io.shukei.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.http.ShowsSecretOnce;
import io.shukei.problem.Problem;
import io.shukei.problem.ProblemException;
import io.shukei.security.Access;
import io.shukei.security.Caller;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Makes retried POSTs safe: the first response to a request carrying {@code Idempotency-Key} is kept
 * and replayed for a repeat with the same key and body; the same key with another body is refused
 * (422), and a repeat while the first is still running gets 409. The request runs in a transaction
 * begun here and committed only once its answer is stored in it, so the change and its stored answer
 * exist together or not at all (a process that dies in between leaves neither, and the retry runs
 * once). An answer that carries a secret shown once is not kept: its repeat gets a 409 problem
 * naming what was created. Keys are kept for the configured retention.
 */
@ApplicationScoped
class IdempotencyFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    private final IdempotencyRepository keys;
    private final TransactionManager transactions;
    private final ObjectMapper mapper;
    private final Access access;

    IdempotencyFilter(IdempotencyRepository keys, TransactionManager transactions, ObjectMapper mapper, Access access) {
        this.keys = keys;
        this.transactions = transactions;
        this.mapper = mapper;
        this.access = access;
    }

    private record Claim(String scope, String key, String hash) {
    }

    /** After authentication, so that the key is claimed for a known caller. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    Response claim(ContainerRequestContext request) throws Exception {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod())) {
            return null;
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalid(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        // Keys are per caller: another caller's key of the same name never sees or blocks this one.
        Caller caller = access.caller();
        Claim claim = new Claim(caller.actorType() + ":" + caller.actorId() + " POST " + request.getUriInfo().getPath(),
                key, sha256(body));
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            keys.purgeExpired();
        }
        transactions.begin();
        boolean claimed = false;
        try {
            if (!keys.tryLock(claim.scope(), claim.key())) {
                throw ProblemException.conflict("/problems/idempotency-key-in-flight", "Request in progress",
                        "A request with this Idempotency-Key is being handled; retry shortly");
            }
            Optional<IdempotencyRepository.Stored> stored = keys.find(claim.scope(), claim.key());
            if (stored.isPresent()) {
                return replay(claim, stored.get());
            }
            request.setProperty(CLAIM, claim);
            claimed = true;
            return null;
        } finally {
            if (!claimed) {
                transactions.rollback();
            }
        }
    }

    /**
     * Stores the answer in the request's transaction and commits both; an answer to a change that was
     * rolled back (a refusal) is stored on its own, and a server error is not stored, so that a retry
     * runs again. When the answer cannot be stored, nothing is committed and the client is told to retry.
     */
    @ServerResponseFilter
    void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        request.removeProperty(CLAIM);
        boolean withheld = response.getStatus() < 300 && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(ShowsSecretOnce.class);
        try {
            if (transactions.getStatus() == Status.STATUS_ACTIVE && response.getStatus() < 500) {
                store(claim, response, withheld);
                transactions.commit();
                return;
            }
            transactions.rollback();
            if (response.getStatus() < 500) {
                store(claim, response, withheld);
            }
        } catch (Exception e) {
            rollbackIfActive();
            LOG.warnf("The answer to a request with an Idempotency-Key could not be stored; its change was not made: %s",
                    e.toString());
            Problem problem = ProblemException.unavailable("The request was not completed and changed nothing; "
                    + "retry it with the same Idempotency-Key").toProblem();
            response.getHeaders().remove(HttpHeaders.LOCATION);
            response.getHeaders().remove(HttpHeaders.ETAG);
            response.getHeaders().putSingle("Retry-After", "5");
            response.setStatus(503);
            response.setEntity(problem, null, MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    private void rollbackIfActive() {
        try {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.debugf("Rollback after a failed store: %s", e);
        }
    }

    /** The stored answer, replayed; a refusal when the key came with another body or its answer held a secret. */
    private static Response replay(Claim claim, IdempotencyRepository.Stored stored) {
        if (!claim.hash().equals(stored.requestHash())) {
            throw ProblemException.unprocessable("/problems/idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used with a different request body; use a new key for a new request");
        }
        String location = stored.location();
        if (stored.secretWithheld()) {
            throw ProblemException.conflict("/problems/secret-shown-once", "Secret shown once",
                            "The first request with this Idempotency-Key created " + location + "; its secret was in "
                                    + "that answer only and is never shown again. If it was lost, delete or revoke "
                                    + location + " and create a new one")
                    .with("location", location).withHeader(HttpHeaders.LOCATION, location);
        }
        Response.ResponseBuilder replay = Response.status(stored.status()).header("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            replay.type(stored.contentType());
        }
        if (location != null) {
            replay.header(HttpHeaders.LOCATION, location);
        }
        if (stored.etag() != null) {
            replay.header(HttpHeaders.ETAG, stored.etag());
        }
        return (stored.body() == null ? replay : replay.entity(stored.body())).build();
    }

    /** Keeps the answer under the key, without its body and type when it carries a secret. */
    private void store(Claim claim, ContainerResponseContext response, boolean withheld) {
        keys.store(claim.scope(), claim.key(), new IdempotencyRepository.Stored(claim.hash(), response.getStatus(),
                withheld || response.getMediaType() == null ? null : response.getMediaType().toString(),
                response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG),
                withheld || !response.hasEntity() ? null : entityBytes(response.getEntity()), withheld));
    }

    private byte[] entityBytes(Object entity) {
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return mapper.writeValueAsBytes(entity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
