package io.shukei.api;

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
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.security.Access;
import io.shukei.security.Caller;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Makes retried POSTs safe: the first response to a request carrying {@code Idempotency-Key} is kept
 * and replayed for a repeat with the same key and body; the same key with another body is refused
 * (422), and a repeat while the first is still running gets 409. The key row is claimed before the
 * request runs, so two instances never both run it. Keys are kept for the configured retention.
 */
@ApplicationScoped
class IdempotencyFilter {

    static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    /** A first request still unfinished after this long was lost with its process; its key is freed. */
    private static final Duration ABANDONED = Duration.ofMinutes(5);

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Access access;
    private final Duration retention;

    IdempotencyFilter(DataSource dataSource, ObjectMapper mapper, Access access,
                      @ConfigProperty(name = "shukei.idempotency.retention", defaultValue = "PT24H") Duration retention) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.access = access;
        this.retention = retention;
    }

    private record Claim(String scope, String key) {
    }

    /** After authentication, so that the key is claimed for a known caller. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    Response claim(ContainerRequestContext request) throws IOException {
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
        Claim claim = new Claim(caller.actorType() + ":" + caller.actorId() + " POST " + request.getUriInfo().getPath(), key);
        String hash = sha256(body);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (ThreadLocalRandom.current().nextInt(100) == 0) {
                purgeExpired(c);
            }
            if (insert(c, claim, hash) || takeOverAbandoned(c, claim, hash)) {
                request.setProperty(CLAIM, claim);
                return null;
            }
            return replay(c, claim, hash);
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency key store unavailable", e);
        }
    }

    @ServerResponseFilter
    void record(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (response.getStatus() >= 500) {
                // Nothing was done (the transaction rolled back): let the client's retry run again.
                try (PreparedStatement s = c.prepareStatement("DELETE FROM idempotency_key WHERE scope = ? AND idem_key = ?")) {
                    s.setString(1, claim.scope());
                    s.setString(2, claim.key());
                    s.executeUpdate();
                }
                return;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE idempotency_key SET status = ?, content_type = ?, "
                    + "location = ?, etag = ?, body = ? WHERE scope = ? AND idem_key = ?")) {
                s.setInt(1, response.getStatus());
                s.setString(2, response.getMediaType() == null ? null : response.getMediaType().toString());
                s.setString(3, response.getHeaderString(HttpHeaders.LOCATION));
                s.setString(4, response.getHeaderString(HttpHeaders.ETAG));
                s.setBytes(5, response.hasEntity() ? entityBytes(response.getEntity()) : null);
                s.setString(6, claim.scope());
                s.setString(7, claim.key());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency key store unavailable", e);
        }
    }

    private boolean insert(Connection c, Claim claim, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO idempotency_key (scope, idem_key, request_hash, created_at) "
                + "VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
            s.setString(1, claim.scope());
            s.setString(2, claim.key());
            s.setString(3, hash);
            return s.executeUpdate() == 1;
        }
    }

    /** Frees a key whose first request never finished, or whose retention ran out. */
    private boolean takeOverAbandoned(Connection c, Claim claim, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE idempotency_key SET request_hash = ?, created_at = now(), "
                + "status = NULL, content_type = NULL, location = NULL, etag = NULL, body = NULL "
                + "WHERE scope = ? AND idem_key = ? AND ((status IS NULL AND created_at < now() - make_interval(secs => ?)) "
                + "OR created_at < now() - make_interval(secs => ?))")) {
            s.setString(1, hash);
            s.setString(2, claim.scope());
            s.setString(3, claim.key());
            s.setLong(4, ABANDONED.toSeconds());
            s.setLong(5, retention.toSeconds());
            return s.executeUpdate() == 1;
        }
    }

    private Response replay(Connection c, Claim claim, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT request_hash, status, content_type, location, etag, body "
                + "FROM idempotency_key WHERE scope = ? AND idem_key = ?")) {
            s.setString(1, claim.scope());
            s.setString(2, claim.key());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.conflict("/problems/idempotency-key-in-flight", "Request in progress",
                            "A request with this Idempotency-Key is being handled; retry shortly");
                }
                if (!hash.equals(rs.getString(1))) {
                    throw ProblemException.unprocessable("/problems/idempotency-key-reused", "Idempotency-Key reused",
                            "This Idempotency-Key was used with a different request body; use a new key for a new request");
                }
                if (rs.getObject(2) == null) {
                    throw ProblemException.conflict("/problems/idempotency-key-in-flight", "Request in progress",
                            "The first request with this Idempotency-Key is still being handled; retry shortly");
                }
                Response.ResponseBuilder replay = Response.status(rs.getInt(2)).header("Idempotent-Replayed", "true");
                if (rs.getString(3) != null) {
                    replay.type(rs.getString(3));
                }
                if (rs.getString(4) != null) {
                    replay.header(HttpHeaders.LOCATION, rs.getString(4));
                }
                if (rs.getString(5) != null) {
                    replay.header(HttpHeaders.ETAG, rs.getString(5));
                }
                byte[] body = rs.getBytes(6);
                return (body == null ? replay : replay.entity(body)).build();
            }
        }
    }

    private void purgeExpired(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
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
