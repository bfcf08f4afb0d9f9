package io.shukei.problem;

import static io.shukei.problem.ProblemExceptionMapper.response;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.shukei.language.Language;
import io.vertx.core.http.HttpServerResponse;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Everything else that fails: a client that left (nothing to answer), the database out of reach or out of
 * connections (503, retry), a change a database constraint refused (409, {@link ConstraintProblems}), or an
 * unexpected failure (500 with an incident id that the log holds, never a stack trace).
 */
class FailureProblems {

    private static final Logger LOG = Logger.getLogger(FailureProblems.class);

    @ServerExceptionMapper
    Response unexpected(Throwable e, HttpServerResponse exchange, HttpHeaders request, UriInfo uri) {
        if (exchange.closed() || exchange.ended()) {
            // The client went away before its answer (the connection's close may already have ended the
            // exchange): there is no one to answer, and nothing failed here.
            LOG.debugf("Client left before the answer: %s", e.getMessage());
            return Response.noContent().build();
        }
        if (DatabaseFailures.isPoolRefusal(e)) {
            LOG.warnf("No database connection within the acquisition timeout: %s", e.getMessage());
            return response(ProblemException.unavailable("No database connection could be had in time; retry shortly"),
                    Language.EN);
        }
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return response(ProblemException.unavailable("The database cannot be reached right now; retry shortly"),
                    Language.EN);
        }
        var conflict = ConstraintProblems.of(e);
        if (conflict.isPresent()) {
            LOG.debugf("Refused by a constraint of the database: %s", e.getMessage());
            return response(conflict.get(), ProblemExceptionMapper.language(request, uri));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return response(new Problem("/problems/internal", "Internal error", 500,
                "The request could not be completed; quote incident " + incident, null,
                Map.of("incident", incident)));
    }
}
