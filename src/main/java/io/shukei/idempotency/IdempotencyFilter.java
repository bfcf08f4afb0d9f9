package io.shukei.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

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

import io.shukei.config.ShukeiConfig;
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

    private final DataSource dataSource;
    private final TransactionManager transactions;
    private final ObjectMapper mapper;
    private final Access access;
    private final Duration retention;

    IdempotencyFilter(DataSource dataSource, TransactionManager transactions, ObjectMapper mapper, Access access,
                      ShukeiConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.mapper = mapper;
        this.access = access;
        this.retention = config.idempotency().retention();
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
            purgeExpired();
        }
        transactions.begin();
        boolean claimed = false;
        try (Connection c = dataSource.getConnection()) {
            if (!lock(c, claim)) {
                throw ProblemException.conflict("/problems/idempotency-key-in-flight", "Request in progress",
                        "A request with this Idempotency-Key is being handled; retry shortly");
            }
            Response replay = replay(c, claim);
            if (replay != null) {
                return replay;
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
                try (Connection c = dataSource.getConnection()) {
                    store(c, claim, response, withheld);
                }
                transactions.commit();
                return;
            }
            transactions.rollback();
            if (response.getStatus() < 500) {
                try (Connection c = dataSource.getConnection()) {
                    store(c, claim, response, withheld);
                }
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

    /**
     * Only one request per key runs at a time: the lock is held until its transaction ends, and a
     * repeat that finds it taken is answered at once instead of waiting.
     */
    private static boolean lock(Connection c, Claim claim) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
            s.setString(1, claim.scope() + "\n" + claim.key());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The stored answer for this key within the retention, or null when the request is to run. */
    private Response replay(Connection c, Claim claim) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT request_hash, status, content_type, location, etag, body, "
                + "secret_withheld FROM idempotency_key WHERE scope = ? AND idem_key = ? "
                + "AND created_at >= now() - make_interval(secs => ?)")) {
            s.setString(1, claim.scope());
            s.setString(2, claim.key());
            s.setLong(3, retention.toSeconds());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (!claim.hash().equals(rs.getString(1))) {
                    throw ProblemException.unprocessable("/problems/idempotency-key-reused", "Idempotency-Key reused",
                            "This Idempotency-Key was used with a different request body; use a new key for a new request");
                }
                String location = rs.getString(4);
                if (rs.getBoolean(7)) {
                    throw ProblemException.conflict("/problems/secret-shown-once", "Secret shown once",
                                    "The first request with this Idempotency-Key created " + location + "; its secret was in "
                                            + "that answer only and is never shown again. If it was lost, delete or revoke "
                                            + location + " and create a new one")
                            .with("location", location).withHeader(HttpHeaders.LOCATION, location);
                }
                Response.ResponseBuilder replay = Response.status(rs.getInt(2)).header("Idempotent-Replayed", "true");
                if (rs.getString(3) != null) {
                    replay.type(rs.getString(3));
                }
                if (location != null) {
                    replay.header(HttpHeaders.LOCATION, location);
                }
                if (rs.getString(5) != null) {
                    replay.header(HttpHeaders.ETAG, rs.getString(5));
                }
                byte[] body = rs.getBytes(6);
                return (body == null ? replay : replay.entity(body)).build();
            }
        }
    }

    /** Inserts the answer, replacing an expired one under the same key. */
    private void store(Connection c, Claim claim, ContainerResponseContext response, boolean withheld) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO idempotency_key (scope, idem_key, request_hash, status, "
                + "content_type, location, etag, body, secret_withheld, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
                + "ON CONFLICT (scope, idem_key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status, "
                + "content_type = EXCLUDED.content_type, location = EXCLUDED.location, etag = EXCLUDED.etag, "
                + "body = EXCLUDED.body, secret_withheld = EXCLUDED.secret_withheld, created_at = EXCLUDED.created_at")) {
            s.setString(1, claim.scope());
            s.setString(2, claim.key());
            s.setString(3, claim.hash());
            s.setInt(4, response.getStatus());
            s.setString(5, withheld || response.getMediaType() == null ? null : response.getMediaType().toString());
            s.setString(6, response.getHeaderString(HttpHeaders.LOCATION));
            s.setString(7, response.getHeaderString(HttpHeaders.ETAG));
            s.setBytes(8, withheld || !response.hasEntity() ? null : entityBytes(response.getEntity()));
            s.setBoolean(9, withheld);
            s.executeUpdate();
        }
    }

    private void purgeExpired() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?)")) {
            s.setLong(1, retention.toSeconds());
            s.executeUpdate();
        }
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
