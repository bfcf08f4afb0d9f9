package io.shukei.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.agroal.pool.ConnectionPool;
import io.shukei.language.Language;
import io.vertx.core.http.HttpServerResponse;

import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The single place where every failure becomes an RFC 9457 problem; no stack trace or class name leaks. */
class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** In Japanese when the request asks for it (lang=ja, else Accept-Language), otherwise in English. */
    @ServerExceptionMapper
    Response problem(ProblemException e, HttpHeaders request, UriInfo uri) {
        Language language = Language.preferred(uri.getQueryParameters().getFirst("lang"),
                request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), Language.EN);
        return problem(e, language);
    }

    private static Response problem(ProblemException e, Language language) {
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(language))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    Response violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(ProblemException.invalid(errors).toProblem());
    }

    @ServerExceptionMapper
    Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    Response json(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            String detail = parse.getOriginalMessage().startsWith("Duplicate field")
                    ? "The JSON body names a field twice"
                    : "The body is not well-formed JSON";
            var location = parse.getLocation();
            if (location != null && location.getLineNr() > 0) {
                detail += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            }
            return respond(new Problem("/problems/malformed-json", "Malformed JSON", 400, detail, null, null));
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return json(parse);
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input")) {
            return respond(new Problem("/problems/malformed-json", "Malformed JSON", 400,
                    "The body ends before the JSON document is complete", null, null));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(ProblemException.invalid(jsonPath(mapping), messageFor(mapping)).toProblem());
        }
        return respond(new Problem("/problems/malformed-json", "Malformed JSON", 400,
                "The body is empty or not a JSON document of the expected shape", null, null));
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        String[] kind = switch (status) {
            case 404 -> new String[] {"/problems/not-found", "Not found", "No resource at this address"};
            case 405 -> new String[] {"/problems/method-not-allowed", "Method not allowed",
                    "This resource does not support that method"};
            case 406 -> new String[] {"/problems/not-acceptable", "Not acceptable",
                    "None of the media types in Accept can be produced here"};
            case 413 -> new String[] {"/problems/payload-too-large", "Payload too large", "The body is too large"};
            case 415 -> new String[] {"/problems/unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json"};
            default -> new String[] {"/problems/http-" + status, Response.Status.fromStatusCode(status) == null
                    ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(), "The request was refused"};
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(kind[0], kind[1], status, kind[2], null, null));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e, HttpServerResponse exchange) {
        if (exchange.closed() || exchange.ended()) {
            // The client went away before its answer (the connection's close may already have ended the
            // exchange): there is no one to answer, and nothing failed here.
            LOG.debugf("Client left before the answer: %s", e.getMessage());
            return Response.noContent().build();
        }
        if (causes(e).anyMatch(ProblemMappers::isPoolRefusal)) {
            LOG.warnf("No database connection within the acquisition timeout: %s", e.getMessage());
            return problem(ProblemException.unavailable("No database connection could be had in time; retry shortly"),
                    Language.EN);
        }
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return problem(ProblemException.unavailable("The database cannot be reached right now; retry shortly"), Language.EN);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(new Problem("/problems/internal", "Internal error", 500,
                "The request could not be completed; quote incident " + incident, null,
                Map.of("incident", incident)));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * Agroal's pool could not hand out a connection: none came free, or none could be opened, within
     * the acquisition timeout (or the pool is closing). The pool says so with a plain SQLException
     * without SQL state that it throws itself, or passes on the driver's failure to open a connection,
     * which its connection-opening task raised; a timeout while waiting for a new connection also
     * leaves a TimeoutException as the cause. So the signal is where the exception was raised: in
     * the pool. A failure of a statement on a connection already handed out is raised by the driver
     * under the pool's wrappers, never in the pool.
     */
    private static boolean isPoolRefusal(Throwable t) {
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        if (sql.getCause() instanceof TimeoutException) {
            return true;
        }
        String pool = ConnectionPool.class.getName();
        for (StackTraceElement frame : sql.getStackTrace()) {
            if (frame.getClassName().equals(pool) || frame.getClassName().startsWith(pool + "$")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the failure is the database being unreachable, also when it surfaced at commit (the
     * transaction manager then reports it as a suppressed XA error rather than as a cause).
     */
    private static boolean isDatabaseUnavailable(Throwable e) {
        return causes(e).anyMatch(t -> t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                // 08: connection exceptions (a socket read that timed out among them); 53: the server lacks
                // resources (too many connections, disk full); 57: a statement cancelled by the statement
                // timeout, or the server shutting down, restarting or not yet accepting
                || t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                        || sql.getSQLState().startsWith("53") || sql.getSQLState().startsWith("57"))
                || t instanceof javax.transaction.xa.XAException xa && xa.errorCode == javax.transaction.xa.XAException.XAER_RMFAIL);
    }

    /** The failure, its causes and what they suppressed, each once. */
    private static Stream<Throwable> causes(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return all.stream();
    }

    /** Drops the method and parameter nodes so the path names the field the client sent. */
    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.length() > 0 ? field.toString() : parameter;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String messageFor(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : invalid.getTargetType().getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return "must be one of " + String.join(", ", names);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has the wrong type or value";
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number in range";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the listed codes";
        }
        if (type.getName().startsWith("java.time")) {
            return "an ISO-8601 date";
        }
        return "an object of the documented shape";
    }
}
